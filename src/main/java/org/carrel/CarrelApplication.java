package org.carrel;

import java.util.Arrays;
import java.util.Map;

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
        SpringApplicationBuilder builder = new SpringApplicationBuilder(CarrelApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties(Map.of("carrel.demo", "false", "spring.main.banner-mode", "off",
                        "logging.level.root", "warn"));
        try (ConfigurableApplicationContext context = builder.run()) {
            Map<String, AdminCommand> commands = new java.util.TreeMap<>();
            context.getBeansOfType(AdminCommand.class).values().forEach(c -> commands.put(c.name(), c));
            AdminCommand command = commands.get(name);
            if (command == null) {
                if (!name.equals("help")) {
                    System.err.println("Unknown command: " + name);
                }
                System.err.println("Usage: java -jar carrel.jar [COMMAND [OPTIONS]]");
                System.err.println("With no command, Carrel starts its web server. Commands:");
                commands.values().forEach(c -> System.err.printf("  %-18s %s%n", c.name(), c.summary()));
                return name.equals("help") ? 0 : AdminCommand.USAGE;
            }
            return command.run(Arrays.asList(args), System.out, System.err);
        }
    }
}
