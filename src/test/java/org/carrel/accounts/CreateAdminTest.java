package org.carrel.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.carrel.shared.AdminCommand;
import org.carrel.testing.CarrelTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@CarrelTest
class CreateAdminTest {

    @Autowired
    Accounts accounts;
    @Autowired
    CreateAdminCommand command;

    @Test
    void createsADistrictAdminAndResetsItsPasswordWhenRunAgain() {
        AccountResult first = accounts.createOrResetAdmin("Ops.Admin", "first-admin-password", "command-line");
        AccountResult second = accounts.createOrResetAdmin("ops.admin", "second-admin-password", "command-line");
        assertThat(first).isInstanceOf(AccountResult.Saved.class);
        assertThat(second).isEqualTo(first);
        AccountView admin = accounts.find(((AccountResult.Saved) first).id()).orElseThrow();
        assertThat(admin.role()).isEqualTo(Role.DISTRICT_ADMIN);
        assertThat(accounts.changePassword(admin.id(), "second-admin-password", "third-admin-password"))
                .isInstanceOf(AccountResult.Saved.class);
    }

    @Test
    void refusesAWeakPasswordAndCreatesNothing() {
        long before = accounts.count();
        assertThat(accounts.createOrResetAdmin("weak", "short", "command-line")).isInstanceOf(AccountResult.Invalid.class);
        assertThat(accounts.count()).isEqualTo(before);
    }

    @Test
    void theCommandWithoutAUsernameIsWrongUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = command.run(List.of(), System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(AdminCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--username is required");
    }
}
