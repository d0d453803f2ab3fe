package org.carrel.sip2;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.carrel.shared.AdminCommand;
import org.carrel.shared.CommandLine;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * {@code create-sip-terminal --login L --password P --school CODE [--allow CIDR[,CIDR...]]}: a SIP2 account for
 * one self-check station or sorter. The password is never printed.
 */
@Component
class CreateSipTerminalCommand implements AdminCommand {

    private static final String USAGE_LINE =
            "create-sip-terminal --login L --password P --school CODE [--allow CIDR[,CIDR...]]";

    private final SipTerminals terminals;
    private final MessageSource messages;

    CreateSipTerminalCommand(SipTerminals terminals, MessageSource messages) {
        this.terminals = terminals;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "create-sip-terminal";
    }

    @Override
    public String summary() {
        return "--login L --password P --school CODE [--allow CIDR]: a SIP2 account for a self-check station";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        CommandLine line;
        String login;
        String password;
        String school;
        try {
            line = CommandLine.parse(args, Set.of("login", "password", "school", "allow"));
            login = line.required("login");
            password = line.required("password");
            school = line.required("school");
        } catch (CommandLine.UsageException e) {
            err.println("create-sip-terminal: " + e.getMessage() + ". Usage: " + USAGE_LINE);
            return USAGE;
        }
        SipTerminals.Created created = terminals.create(login, password, school, line.option("allow").orElse(""),
                "command-line");
        if (created.problem() != null) {
            err.println("create-sip-terminal: " + messages.getMessage(created.problem(), created.args().toArray(),
                    Locale.ENGLISH));
            return INPUT_ERRORS;
        }
        out.println("SIP2 terminal '" + login.strip() + "' created for school " + school.strip() + ". Give the"
                + " station this login and password; its institution id (AO) and location (CP) are the school's code.");
        return OK;
    }
}
