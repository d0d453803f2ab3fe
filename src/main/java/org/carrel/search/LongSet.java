package org.carrel.search;

/** A set of longs without boxing (open addressing), for remembering a million titles in a few megabytes. */
final class LongSet {

    private static final long EMPTY = 0;
    private long[] slots = new long[1024];
    private int size;
    private boolean hasZero;

    /** Adds {@code value}; false when it was there already. */
    synchronized boolean add(long value) {
        if (value == EMPTY) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        if (size * 2 >= slots.length) {
            grow();
        }
        return insert(slots, value);
    }

    synchronized void clear() {
        slots = new long[1024];
        size = 0;
        hasZero = false;
    }

    private boolean insert(long[] table, long value) {
        int mask = table.length - 1;
        int slot = (int) (mix(value) & mask);
        while (table[slot] != EMPTY) {
            if (table[slot] == value) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        table[slot] = value;
        if (table == slots) {
            size++;
        }
        return true;
    }

    private void grow() {
        long[] old = slots;
        long[] bigger = new long[old.length * 2];
        for (long value : old) {
            if (value != EMPTY) {
                insert(bigger, value);
            }
        }
        slots = bigger;
    }

    /** A 64-bit FNV-1a hash of {@code text}: a million titles collide with odds of about one in ten million. */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static long mix(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 32);
    }
}
