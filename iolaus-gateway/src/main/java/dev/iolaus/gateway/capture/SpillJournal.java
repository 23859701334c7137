package dev.iolaus.gateway.capture;

import dev.iolaus.io.json.EventCodecs;
import dev.iolaus.io.json.Json;
import dev.iolaus.model.Interaction;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * On-disk overflow of the capture queue: JSONL segments {@code spill-<seq>.jsonl} (the iolaus-io interaction
 * format), written by one thread, replayed whole and then deleted.
 *
 * <p>A segment being written has the suffix {@code .open}; it is renamed when closed, so a reader only ever sees
 * complete segments. Segments left by a previous run (closed or not) are replayed on start: none is lost.
 */
public final class SpillJournal {
    private final Path dir;
    private long seq;
    private OutputStream out;
    private Path current;
    private long inCurrent;

    /** A journal in this directory (created if needed); recovers segments an earlier run left open. */
    public SpillJournal(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
            for (Path p : list(".jsonl.open")) {
                String n = p.getFileName().toString();
                Files.move(p, p.resolveSibling(n.substring(0, n.length() - ".open".length())));
            }
            for (Path p : list(".jsonl")) {
                seq = Math.max(seq, seqOf(p) + 1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open spill journal in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Appends one interaction to the open segment (opening one if needed). Writer thread only. */
    public void append(Interaction i) throws IOException {
        if (out == null) {
            current = dir.resolve(String.format("spill-%012d.jsonl.open", seq++));
            out = new BufferedOutputStream(Files.newOutputStream(current), 1 << 16);
            inCurrent = 0;
        }
        out.write(Json.writeBytes(EventCodecs.INTERACTION, i));
        out.write('\n');
        inCurrent++;
    }

    /** Records in the open segment. */
    public long openCount() {
        return inCurrent;
    }

    /** Closes the open segment, making it visible to {@link #replayOldest}. Writer thread only. */
    public void closeSegment() throws IOException {
        if (out == null) {
            return;
        }
        out.close();
        out = null;
        String n = current.getFileName().toString();
        Files.move(current, current.resolveSibling(n.substring(0, n.length() - ".open".length())));
        current = null;
        inCurrent = 0;
    }

    /**
     * Delivers every record of the oldest closed segment, then deletes it.
     *
     * @return records delivered, or -1 when there is no closed segment
     */
    public long replayOldest(Consumer<Interaction> to) throws IOException {
        List<Path> closed = list(".jsonl");
        if (closed.isEmpty()) {
            return -1;
        }
        Path p = closed.get(0);
        byte[] all = Files.readAllBytes(p);
        long n = 0;
        int start = 0;
        long line = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\n') {
                line++;
                if (i > start) {
                    to.accept(Json.read(EventCodecs.INTERACTION, all, start, i - start, line));
                    n++;
                }
                start = i + 1;
            }
        }
        // A crash mid-write can leave a last line without newline: it is incomplete, so it was never acknowledged.
        Files.delete(p);
        return n;
    }

    /** Number of closed segments waiting. */
    public int pendingSegments() {
        try {
            return list(".jsonl").size();
        } catch (IOException e) {
            return 0;
        }
    }

    private List<Path> list(String suffix) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().startsWith("spill-")
                            && p.getFileName().toString().endsWith(suffix))
                    .forEach(out::add);
        }
        out.sort(null);
        return out;
    }

    private static long seqOf(Path p) {
        String n = p.getFileName().toString();
        return Long.parseLong(n.substring("spill-".length(), n.indexOf('.')));
    }
}
