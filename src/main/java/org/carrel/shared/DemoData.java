package org.carrel.shared;

/**
 * One module's part of the demo district. On an empty embedded database (or with {@code carrel.demo=true}) every
 * contributor runs once, in {@link #order()}, inside one transaction; what {@link #seed()} returns is printed to
 * the console once (demo user names and passwords, say).
 */
public interface DemoData {

    /** Lower runs first: district 100, accounts 200, later modules above. */
    int order();

    /** Creates the demo records and returns lines for the console, or none. */
    java.util.List<String> seed();
}
