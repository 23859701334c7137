package dev.iolaus.io.json;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The input ended early (a gzip stream cut short): everything before the cut was delivered, the partial last line
 * was quarantined, and {@link #stats()} tells how much was read.
 */
public final class TruncatedInputException extends UncheckedIOException {
    private static final long serialVersionUID = 1L;
    private final transient ReadStats stats;

    /** A truncation found after reading {@code stats}. */
    public TruncatedInputException(String message, ReadStats stats, IOException cause) {
        super(message, cause);
        this.stats = stats;
    }

    /** Counts up to the cut. */
    public ReadStats stats() {
        return stats;
    }
}
