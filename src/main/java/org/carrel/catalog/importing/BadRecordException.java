package org.carrel.catalog.importing;

/** Why one record cannot be read; caught per record so the reader goes on with the next one. */
final class BadRecordException extends Exception {

    BadRecordException(String reason) {
        super(reason, null, false, false);
    }
}
