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

    private GzipChunks() {
    }

    /** One gzip member holding the chunk's JSON lines. */
    static byte[] member(List<Interaction> chunk) {
        ByteArrayOutputStream json = new ByteArrayOutputStream(chunk.size() * 1400);
        try (JsonlWriter<Interaction> w = JsonlWriter.to(json, EventCodecs.INTERACTION)) {
            for (Interaction i : chunk) {
                w.write(i);
            }
        }
        byte[] raw = json.toByteArray();
        return GzipMember.of(raw, raw.length, LEVEL);
    }
}
