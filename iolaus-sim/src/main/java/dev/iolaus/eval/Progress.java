package dev.iolaus.eval;

import java.io.PrintStream;
import java.time.Instant;

/** A progress line on stderr for long runs: printed at most every two seconds of wall time, never for short runs. */
final class Progress {
    private static final long EVERY_NS = 2_000_000_000L;
    private final PrintStream err;
    private final String label;
    private final long startNs = System.nanoTime();
    private long nextNs = startNs + EVERY_NS;
    private boolean printed;

    Progress(PrintStream err, String label) {
        this.err = err;
        this.label = label;
    }

    /** Reports progress; cheap enough to call every few thousand events. */
    void update(long events, long eventTimeMs) {
        if (err == null) {
            return;
        }
        long now = System.nanoTime();
        if (now < nextNs) {
            return;
        }
        nextNs = now + EVERY_NS;
        printed = true;
        double s = (now - startNs) / 1e9;
        err.printf("\r[eval] %-22s %,12d events  sim %s  %,.0f events/s   ", label, events,
                Instant.ofEpochMilli(eventTimeMs).toString().substring(0, 16), events / s);
        err.flush();
    }

    /** Ends the progress line when one was printed. */
    void done(long events) {
        if (err != null && printed) {
            err.printf("\r[eval] %-22s %,12d events  done in %.1f s%30s%n", label, events,
                    (System.nanoTime() - startNs) / 1e9, "");
        }
    }
}
