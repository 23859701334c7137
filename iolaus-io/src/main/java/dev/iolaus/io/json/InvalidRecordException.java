package dev.iolaus.io.json;

/**
 * A line that is not a valid record: the message is the one-line reason written to the quarantine file.
 *
 * <p>Carries no stack trace: bad lines are data, not bugs, and a file of a million bad lines must stay cheap.
 */
public final class InvalidRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A record rejected for the given reason, e.g. {@code missing required field 'account_id'}. */
    public InvalidRecordException(String reason) {
        super(reason, null, false, false);
    }
}
