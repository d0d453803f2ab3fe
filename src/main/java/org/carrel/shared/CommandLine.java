package org.carrel.shared;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Options of an admin command in the form {@code --name value}; anything else is a usage error. */
public final class CommandLine {

    private final Map<String, String> options = new HashMap<>();

    private CommandLine() {
    }

    /** Parses {@code args}, accepting only the option names given; throws {@link UsageException} otherwise. */
    public static CommandLine parse(List<String> args, Set<String> allowed) {
        CommandLine line = new CommandLine();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name;
            String value;
            if (arg.startsWith("--") && arg.contains("=")) {
                name = arg.substring(2, arg.indexOf('='));
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (arg.startsWith("--") && i + 1 < args.size()) {
                name = arg.substring(2);
                value = args.get(++i);
            } else {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            if (!allowed.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
            line.options.put(name, value);
        }
        return line;
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name)).filter(v -> !v.isBlank());
    }

    public String required(String name) {
        return option(name).orElseThrow(() -> new UsageException("--" + name + " is required"));
    }

    /** Wrong usage of a command; its message is shown to the person who typed it. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
