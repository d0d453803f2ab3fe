package org.carrel.shared;

import java.io.PrintStream;
import java.util.List;

/**
 * A command run on the jar ({@code java -jar carrel.jar NAME ...}) instead of the server. Modules contribute them as
 * beans; the application's main method finds them by {@link #name()}.
 */
public interface AdminCommand {

    int OK = 0;
    /** The input had errors; a report was printed. */
    int INPUT_ERRORS = 1;
    /** Wrong usage: unknown option, missing argument. */
    int USAGE = 2;

    String name();

    /** One line for {@code --help}. */
    String summary();

    int run(List<String> args, PrintStream out, PrintStream err);
}
