package org.carrel.accounts;

import java.io.Console;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.carrel.shared.AdminCommand;
import org.carrel.shared.CommandLine;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * {@code create-admin --username U}: creates a district admin, or resets the password of that account. The password
 * comes from {@code CARREL_ADMIN_PASSWORD} or is asked for twice on the terminal; it never appears on a command line.
 */
@Component
class CreateAdminCommand implements AdminCommand {

    private final Accounts accounts;
    private final MessageSource messages;

    CreateAdminCommand(Accounts accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "create-admin";
    }

    @Override
    public String summary() {
        return "--username U: create a district admin (password from CARREL_ADMIN_PASSWORD or asked for)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        String username;
        try {
            username = CommandLine.parse(args, Set.of("username")).required("username");
        } catch (CommandLine.UsageException e) {
            err.println("create-admin: " + e.getMessage() + ". Usage: create-admin --username U");
            return USAGE;
        }
        String password = System.getenv("CARREL_ADMIN_PASSWORD");
        if (password == null || password.isEmpty()) {
            Console console = System.console();
            if (console == null) {
                err.println("create-admin: no terminal to ask for the password; set CARREL_ADMIN_PASSWORD.");
                return USAGE;
            }
            char[] first = console.readPassword("Password for %s: ", username);
            char[] second = console.readPassword("Same password again: ");
            if (first == null || second == null || !Arrays.equals(first, second)) {
                err.println("create-admin: the two passwords are not the same; nothing was changed.");
                return INPUT_ERRORS;
            }
            password = new String(first);
        }
        AccountResult result = accounts.createOrResetAdmin(username, password, "command-line");
        if (result instanceof AccountResult.Invalid invalid) {
            invalid.errors().byField().forEach((field, key) -> err.println("create-admin: " + field + ": "
                    + messages.getMessage(key, null, key, java.util.Locale.ENGLISH)));
            return INPUT_ERRORS;
        }
        out.println("District admin '" + Accounts.normalise(username) + "' is ready to sign in.");
        return OK;
    }
}
