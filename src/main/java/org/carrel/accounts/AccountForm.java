package org.carrel.accounts;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The account form of the admin pages and of {@link Accounts#create}. {@code password} is required for a new
 * account and optional on edit (blank keeps the current one).
 */
public record AccountForm(
        @NotBlank(message = "{accounts.username.required}")
        @Pattern(regexp = "[A-Za-z0-9._@-]{2,100}", message = "{accounts.username.invalid}") String username,
        @NotBlank(message = "{accounts.displayName.required}") @Size(max = 200, message = "{form.tooLong}") String displayName,
        @NotNull(message = "{accounts.role.required}") Role role,
        List<Long> schoolIds,
        Boolean enabled,
        String password,
        Long version) {

    public AccountForm {
        schoolIds = schoolIds == null ? List.of() : List.copyOf(schoolIds);
    }

    static AccountForm of(AccountView account) {
        return new AccountForm(account.username(), account.displayName(), account.role(),
                List.copyOf(account.schoolIds()), account.enabled(), "", account.version());
    }
}
