package dev.iolaus.sim;

import dev.iolaus.io.json.EventCodecs;
import dev.iolaus.io.json.JsonlWriter;
import dev.iolaus.model.Interaction;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Encodes a chunk of interactions as JSON Lines (with the {@code iolaus-io} codec) and compresses it as one gzip
 * member. A file of concatenated members is a valid gzip file (RFC 1952; {@code zcat} and
 * {@link java.util.zip.GZIPInputStream} read it whole), so chunks can be compressed on several cores while the
 * output stays byte-identical for a seed: chunk boundaries depend only on the interaction count.
 */
final class GzipChunks {
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff}; // no name, no mtime
    private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal.withInitial(() -> new Deflater(1, true));

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
        return member(json.toByteArray());
    }

    /** One gzip member of raw bytes. */
    static byte[] member(byte[] raw) {
        Deflater d = DEFLATER.get();
        d.reset();
        d.setInput(raw);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 3 + 64);
        out.writeBytes(HEADER);
        byte[] buf = new byte[1 << 16];
        while (!d.finished()) {
            int n = d.deflate(buf);
            out.write(buf, 0, n);
        }
        CRC32 crc = new CRC32();
        crc.update(raw);
        writeIntLe(out, (int) crc.getValue());
        writeIntLe(out, raw.length);
        return out.toByteArray();
    }

    private static void writeIntLe(ByteArrayOutputStream out, int v) {
        out.write(v & 0xff);
        out.write((v >>> 8) & 0xff);
        out.write((v >>> 16) & 0xff);
        out.write((v >>> 24) & 0xff);
    }
}
