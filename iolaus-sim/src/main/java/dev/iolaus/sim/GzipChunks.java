package dev.iolaus.sim;

import dev.iolaus.io.json.EventCodecs;
import dev.iolaus.io.json.GzipMember;
import dev.iolaus.io.json.JsonlWriter;
import dev.iolaus.model.Interaction;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Encodes a chunk of interactions as JSON Lines and compresses it as one gzip member, on a worker thread: unlike
 * {@link JsonlWriter}'s gzip stream, which only deflates in parallel, this spreads the JSON encoding over the cores
 * too. Chunk boundaries depend only on the interaction count, so the output stays byte-identical for a seed.
 */
final class GzipChunks {
    private static final int LEVEL = 1;
    /** Per worker thread: the chunk's JSON is several MB, too big to allocate afresh for every chunk. */
    private static final ThreadLocal<Buffer> BUFFERS = ThreadLocal.withInitial(Buffer::new);

    private GzipChunks() {
    }

    /** One gzip member holding the chunk's JSON lines. */
    static byte[] member(List<Interaction> chunk) {
        Buffer json = BUFFERS.get();
        json.reset();
        try (JsonlWriter<Interaction> w = JsonlWriter.to(json, EventCodecs.INTERACTION)) {
            for (Interaction i : chunk) {
                w.write(i);
            }
        }
        return GzipMember.of(json.array(), json.size(), LEVEL);
    }

    /** A byte stream whose array is read in place. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer() {
            super(1 << 20);
        }

        byte[] array() {
            return buf;
        }
    }
}
