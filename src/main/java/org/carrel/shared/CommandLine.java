package org.carrel.shared;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Arguments of an admin command: options {@code --name value} (or {@code --name=value}, repeatable), flags
 * {@code --name} without a value, and, where the command takes them, positional arguments such as file names.
 * Anything else is a usage error.
 */
public final class CommandLine {

    private final Map<String, List<String>> options = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> positional = new ArrayList<>();

    private CommandLine() {
    }

    /** Parses {@code args}, accepting only the option names given; throws {@link UsageException} otherwise. */
    public static CommandLine parse(List<String> args, Set<String> allowed) {
        return parse(args, allowed, Set.of(), false);
    }

    /** Parses options, value-less {@code flagNames} and, if {@code positionals}, arguments not starting with --. */
    public static CommandLine parse(List<String> args, Set<String> allowed, Set<String> flagNames,
                                    boolean positionals) {
        CommandLine line = new CommandLine();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--") && flagNames.contains(arg.substring(2))) {
                line.flags.add(arg.substring(2));
                continue;
            }
            String name;
            String value;
            if (arg.startsWith("--") && arg.contains("=")) {
                name = arg.substring(2, arg.indexOf('='));
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (arg.startsWith("--") && i + 1 < args.size() && allowed.contains(arg.substring(2))) {
                name = arg.substring(2);
                value = args.get(++i);
            } else if (positionals && !arg.startsWith("--")) {
                line.positional.add(arg);
                continue;
            } else if (arg.startsWith("--") && !allowed.contains(arg.substring(2))) {
                throw new UsageException("unknown option " + arg);
            } else {
                throw new UsageException(arg.startsWith("--") ? arg + " needs a value" : "unexpected argument '" + arg + "'");
            }
            if (!allowed.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
            line.options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return line;
    }

    /** The option's last value, if given and not blank. */
    public Optional<String> option(String name) {
        List<String> values = options.getOrDefault(name, List.of());
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1)).filter(v -> !v.isBlank());
    }

    /** Every value of a repeatable option, in order. */
    public List<String> all(String name) {
        return List.copyOf(options.getOrDefault(name, List.of()));
    }

    public String required(String name) {
        return option(name).orElseThrow(() -> new UsageException("--" + name + " is required"));
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }

    public List<String> positional() {
        return List.copyOf(positional);
    }

    /** Wrong usage of a command; its message is shown to the person who typed it. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
