package dev.iolaus.sim;

import dev.iolaus.io.json.GzipMember;
import dev.iolaus.io.json.InteractionLines;
import dev.iolaus.model.Interaction;
import java.util.List;

/**
 * Encodes a chunk of interactions as JSON Lines and compresses it as one gzip member, on a worker thread: unlike
 * a gzip stream, which only deflates in parallel, this spreads the JSON encoding over the cores too. Chunk
 * boundaries depend only on the interaction count, so the output stays byte-identical for a seed.
 */
final class GzipChunks {
    private static final int LEVEL = 1;
    /** Per worker thread: a chunk's JSON is several MB, too big to allocate afresh for every chunk. */
    private static final ThreadLocal<InteractionLines> LINES = ThreadLocal.withInitial(() -> new InteractionLines(1 << 20));

    private GzipChunks() {
    }

    /** One gzip member holding the chunk's JSON lines (the bytes {@code EventCodecs.INTERACTION} would write). */
    static byte[] member(List<Interaction> chunk) {
        InteractionLines json = LINES.get();
        json.reset();
        for (Interaction i : chunk) {
            json.append(i);
        }
        return GzipMember.of(json.array(), json.size(), LEVEL);
    }
}
