package io.tributary.plugins.replay;

/** A row that cannot be replayed; the message says which field and why. */
final class BadRowException extends Exception {
    private static final long serialVersionUID = 1L;

    BadRowException(String message) {
        super(message, null, false, false);
    }
}
