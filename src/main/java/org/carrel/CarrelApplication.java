package org.carrel;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import org.carrel.shared.AdminCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the Carrel server, or runs one admin command ({@code java -jar carrel.jar COMMAND ...}) on the same data
 * folder or database and exits: 0 on success, 1 when the input had errors, 2 on wrong usage.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CarrelApplication {

    public static void main(String[] args) {
        StartupCheck.Outcome check = StartupCheck.fromEnvironment(args).run();
        if (check instanceof StartupCheck.Outcome.Failed failed) {
            System.err.println("Carrel cannot start: " + failed.sentence());
            System.exit(1);
        }
        if (args.length > 0 && !args[0].startsWith("-")) {
            System.exit(runCommand(args[0], Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.exit(runCommand("help", new String[0]));
        }
        SpringApplication.run(CarrelApplication.class, args);
    }

    private static int runCommand(String name, String[] args) {
        // Command-line arguments outrank application.properties; default properties would not.
        // A command never listens for SIP2 (the server may be running beside it, on PostgreSQL).
        String[] settings = {"--carrel.demo=false", "--spring.main.banner-mode=off", "--logging.level.root=warn",
                "--carrel.search.follow-catalog=false", "--carrel.sip2.port=-1"};
        SpringApplicationBuilder builder = new SpringApplicationBuilder(CarrelApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false);
        try (ConfigurableApplicationContext context = builder.run(settings)) {
            Map<String, AdminCommand> commands = new TreeMap<>();
            context.getBeansOfType(AdminCommand.class).values().forEach(c -> commands.put(c.name(), c));
            AdminCommand command = commands.get(name);
            if (command != null) {
                return command.run(Arrays.asList(args), System.out, System.err);
            }
            boolean asked = name.equals("help");
            PrintStream help = asked ? System.out : System.err;
            if (!asked) {
                help.println("Unknown command: " + name);
            }
            help.println("Usage: java -jar carrel.jar [COMMAND [OPTIONS]]");
            help.println("With no command, Carrel starts its web server. Commands:");
            commands.values().forEach(c -> help.printf("  %-18s %s%n", c.name(), c.summary()));
            return asked ? AdminCommand.OK : AdminCommand.USAGE;
        }
    }
}
