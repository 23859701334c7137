package dev.iolaus.io.json;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Streams records from a JSON Lines file (gzip detected by its magic bytes), validating every line.
 *
 * <p>Memory does not depend on the file size: lines are split in a reused byte buffer and parsed one at a time.
 * A line that is not a valid record goes to the {@link Quarantine} with its number and reason, and reading goes on.
 * Blank lines are skipped. A gzip stream cut short is reported by a {@link TruncatedInputException} thrown once
 * everything before the cut has been delivered. Single-use, not thread-safe.
 *
 * @param <T> record type
 */
public final class JsonlReader<T> implements Iterable<T>, AutoCloseable {
    private static final int BUFFER = 1 << 16;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** Longest accepted line; longer ones are quarantined and skipped, so a file without newlines cannot exhaust memory. */
    static final int MAX_LINE = 64 << 20;

    private final InputStream in;
    private final String source;
    private final LineDecoder<T> decoder;
    private final Quarantine quarantine;
    private byte[] buf;
    private int pos;
    private int limit;
    private int scan;
    private boolean eof;
    private IOException truncation;
    private long lineNo;
    private int lineStart;
    private int lineEnd;
    private boolean oversized;
    private long read;
    private long accepted;
    private long quarantined;
    private T pending;
    private boolean iterated;

    private final int maxLine;

    private JsonlReader(InputStream in, String source, LineDecoder<T> decoder, Quarantine quarantine, int maxLine) {
        this.in = in;
        this.maxLine = maxLine;
        this.buf = new byte[Math.max(4096, Math.min(BUFFER, maxLine))];
        this.source = source;
        this.decoder = decoder;
        this.quarantine = quarantine == null ? Quarantine.counting() : quarantine;
    }

    /** Opens a file; rejected lines are only counted. */
    public static <T> JsonlReader<T> open(Path path, LineDecoder<T> decoder) {
        return open(path, decoder, Quarantine.counting());
    }

    /** Opens a file, sending rejected lines to {@code quarantine} (which the caller closes). */
    public static <T> JsonlReader<T> open(Path path, LineDecoder<T> decoder, Quarantine quarantine) {
        try {
            return of(Files.newInputStream(path), path.getFileName().toString(), decoder, quarantine);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** Reads a stream (gzip or plain, detected); {@code source} names it in rejections and errors. */
    public static <T> JsonlReader<T> of(InputStream raw, String source, LineDecoder<T> decoder, Quarantine quarantine) {
        return of(raw, source, decoder, quarantine, MAX_LINE);
    }

    /** {@link #of(InputStream, String, LineDecoder, Quarantine)} with another line length limit (tests). */
    static <T> JsonlReader<T> of(InputStream raw, String source, LineDecoder<T> decoder, Quarantine quarantine,
                                 int maxLine) {
        try {
            BufferedInputStream b = new BufferedInputStream(raw, BUFFER);
            b.mark(2);
            int b0 = b.read();
            int b1 = b.read();
            b.reset();
            InputStream in = b0 == 0x1f && b1 == 0x8b ? new ReadAheadInputStream(new GZIPInputStream(b, BUFFER)) : b;
            return new JsonlReader<>(in, source, decoder, quarantine, maxLine);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    /** Reads a whole file into a list (small files and tests); rejected lines go to {@code quarantine}. */
    public static <T> List<T> readAll(Path path, LineDecoder<T> decoder, Quarantine quarantine) {
        List<T> out = new ArrayList<>();
        try (JsonlReader<T> r = open(path, decoder, quarantine)) {
            r.forEach(out::add);
        }
        return out;
    }

    /** The next valid record, or null at the end of the input. */
    public T next() {
        if (pending != null) {
            T v = pending;
            pending = null;
            return v;
        }
        try {
            while (nextLine()) {
                lineNo++;
                if (oversized) {
                    read++;
                    reject("line longer than " + maxLine + " bytes (first 1024 kept)", lineStart, lineEnd);
                    continue;
                }
                int end = lineEnd;
                if (end > lineStart && buf[end - 1] == '\r') {
                    end--;
                }
                if (blank(lineStart, end)) {
                    continue;
                }
                read++;
                if (lineNo == 1 && end - lineStart >= 3 && (buf[lineStart] & 0xff) == 0xef
                        && (buf[lineStart + 1] & 0xff) == 0xbb && (buf[lineStart + 2] & 0xff) == 0xbf) {
                    lineStart += 3; // UTF-8 byte order mark
                }
                if (truncation != null && lineEnd == limit && pos == limit) {
                    reject("truncated input: partial last line", lineStart, end);
                    continue;
                }
                try {
                    T v = Json.read(decoder, buf, lineStart, end - lineStart, lineNo);
                    accepted++;
                    return v;
                } catch (InvalidRecordException e) {
                    reject(e.getMessage(), lineStart, end);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + " after line " + lineNo + ": " + e.getMessage(), e);
        }
        if (truncation != null) {
            IOException t = truncation;
            truncation = null;
            throw new TruncatedInputException(source + " ends early (" + t.getMessage() + "): kept " + accepted
                    + " records from " + lineNo + " lines before the cut; the rest of the file is lost", stats(), t);
        }
        return null;
    }

    private void reject(String reason, int from, int to) {
        quarantined++;
        quarantine.reject(new Quarantine.Rejection(source, lineNo, reason,
                new String(buf, from, to - from, StandardCharsets.UTF_8)));
    }

    private boolean blank(int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = buf[i];
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Finds the next line in the buffer, reading more as needed; false at the end of input. */
    private boolean nextLine() throws IOException {
        oversized = false;
        while (true) {
            int nl = indexOfNewline(buf, scan, limit);
            if (nl >= 0) {
                lineStart = pos;
                lineEnd = nl;
                pos = nl + 1;
                scan = pos;
                return true;
            }
            scan = limit;
            if (eof) {
                if (pos < limit) {
                    lineStart = pos;
                    lineEnd = limit;
                    pos = limit;
                    return true;
                }
                return false;
            }
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                limit -= pos;
                scan -= pos;
                pos = 0;
            }
            if (limit == buf.length) {
                if (buf.length >= maxLine) {
                    skipRestOfLine();
                    return true;
                }
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            fill();
        }
    }

    /**
     * Index of the first {@code '\n'} in {@code b[from, to)}, or -1. Eight bytes at a time (SWAR zero-byte test):
     * finding line ends was the reader's largest single cost with a byte loop.
     */
    static int indexOfNewline(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(b, i) ^ 0x0A0A0A0A0A0A0A0AL;
            long t = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
            if (t != 0) {
                // Little-endian: the lowest flagged byte is always a true match.
                return i + (Long.numberOfTrailingZeros(t) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The buffer holds only the start of an over-long line: keep its head for the quarantine, drop the rest. */
    private void skipRestOfLine() throws IOException {
        oversized = true;
        int keep = 1024;
        while (true) {
            pos = keep;
            limit = keep;
            scan = keep;
            fill();
            for (int i = keep; i < limit; i++) {
                if (buf[i] == '\n') {
                    System.arraycopy(buf, i + 1, buf, keep, limit - i - 1);
                    limit = keep + (limit - i - 1);
                    lineStart = 0;
                    lineEnd = keep;
                    pos = keep;
                    scan = keep;
                    return;
                }
            }
            if (eof) {
                lineStart = 0;
                lineEnd = keep;
                pos = limit;
                scan = limit;
                return;
            }
        }
    }

    private void fill() throws IOException {
        try {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        } catch (EOFException e) {
            // GZIPInputStream: "Unexpected end of ZLIB input stream". Deliver what came before, then say so.
            eof = true;
            truncation = e;
        }
    }

    /** Counts so far (final once {@link #next()} returned null). */
    public ReadStats stats() {
        return new ReadStats(read, accepted, quarantined);
    }

    /** Lines seen so far, blank ones included. */
    public long lineNumber() {
        return lineNo;
    }

    /** Delivers every remaining valid record. */
    @Override
    public void forEach(Consumer<? super T> action) {
        T v;
        while ((v = next()) != null) {
            action.accept(v);
        }
    }

    /** A single-use iterator over the remaining records. */
    @Override
    public Iterator<T> iterator() {
        if (iterated) {
            throw new IllegalStateException("a JsonlReader can be iterated only once");
        }
        iterated = true;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (pending == null) {
                    pending = JsonlReader.this.next();
                }
                return pending != null;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                T v = pending;
                pending = null;
                return v;
            }
        };
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
