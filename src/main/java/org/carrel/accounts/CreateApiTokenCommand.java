package org.carrel.accounts;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.carrel.shared.AdminCommand;
import org.carrel.shared.CommandLine;
import org.springframework.stereotype.Component;

/**
 * {@code create-api-token --name N --role ROLE [--school CODE]}: creates an API token and prints it once, alone on
 * the last line of standard output, so scripts can capture it.
 */
@Component
class CreateApiTokenCommand implements AdminCommand {

    private final ApiTokens tokens;
    private final SchoolDirectory schools;

    CreateApiTokenCommand(ApiTokens tokens, SchoolDirectory schools) {
        this.tokens = tokens;
        this.schools = schools;
    }

    @Override
    public String name() {
        return "create-api-token";
    }

    @Override
    public String summary() {
        return "--name N --role ROLE [--school CODE]: create an API token and print it once";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        String name;
        Role role;
        Optional<String> schoolCode;
        try {
            CommandLine line = CommandLine.parse(args, Set.of("name", "role", "school"));
            name = line.required("name");
            role = Role.parse(line.required("role"));
            schoolCode = line.option("school");
        } catch (CommandLine.UsageException | IllegalArgumentException e) {
            err.println("create-api-token: " + e.getMessage()
                    + ". Usage: create-api-token --name N --role ROLE [--school CODE]");
            return USAGE;
        }
        if (name.strip().length() > 100) {
            err.println("create-api-token: the name must be at most 100 characters.");
            return INPUT_ERRORS;
        }
        Long schoolId = null;
        if (schoolCode.isPresent()) {
            Optional<Long> found = schools.schoolIdByCode(schoolCode.get());
            if (found.isEmpty()) {
                err.println("create-api-token: the district has no school with code '" + schoolCode.get() + "'.");
                return INPUT_ERRORS;
            }
            schoolId = found.get();
        }
        ApiTokens.NewToken token = tokens.create(name, role, schoolId, "command-line");
        out.println("API token '" + name.strip() + "' (" + role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                + "). It is shown only this once; send it as 'Authorization: Bearer TOKEN':");
        out.println(token.token());
        return OK;
    }
}
