package io.tributary.schemas.serde;

/**
 * A record that cannot be encoded, e.g. a required field is null. The message names the record
 * type and, when it can be found, the path of the offending field ({@code bidPrice.mantissa}).
 */
public final class MessageEncodingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MessageEncodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
