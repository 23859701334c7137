package dev.iolaus.sim;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.iolaus.io.json.EventCodecs;
import dev.iolaus.io.json.JsonlWriter;
import dev.iolaus.model.AccountEvent;
import dev.iolaus.model.Interaction;
import dev.iolaus.sim.gen.SimulatedSource;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * Writes a simulated stream to a directory: {@code interactions.jsonl.gz}, {@code accounts.jsonl.gz} and
 * {@code truth.json}. Generation runs on the calling thread; encoding and gzip compression of chunks of interactions
 * run on worker threads (see {@link GzipChunks}), with a bounded number of chunks in flight, so memory does not
 * grow with the number of interactions and the output is the same bytes for a seed.
 */
public final class SimulationWriter {
    /** Files written. */
    public static final String INTERACTIONS = "interactions.jsonl.gz";
    /** Account lifecycle file. */
    public static final String ACCOUNTS = "accounts.jsonl.gz";
    /** Ground truth file. */
    public static final String TRUTH = "truth.json";

    private static final int CHUNK = 4096;
    private static final int WORKERS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    private SimulationWriter() {
    }

    /**
     * Summary of a run.
     *
     * @param interactions interactions written
     * @param accountEvents account events written
     * @param inputTokens input tokens in all
     * @param outputTokens output tokens in all
     * @param firstMs earliest interaction time
     * @param lastMs latest interaction time
     */
    public record Summary(long interactions, long accountEvents, long inputTokens, long outputTokens, long firstMs,
                          long lastMs) {
    }

    /**
     * Drains the source into {@code out}.
     *
     * @param progress called with the number of interactions generated so far, about every 65k
     */
    public static Summary write(SimulatedSource src, Path out, LongConsumer progress) {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output directory " + out, e);
        }
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS, r -> {
            Thread t = new Thread(r, "iolaus-sim-gzip");
            t.setDaemon(true);
            return t;
        });
        long[] st = {0, 0, 0, 0, Long.MAX_VALUE, Long.MIN_VALUE};
        Deque<Future<byte[]>> inflight = new ArrayDeque<>();
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out.resolve(INTERACTIONS)), 1 << 16);
             JsonlWriter<AccountEvent> aw = JsonlWriter.open(out.resolve(ACCOUNTS), EventCodecs.ACCOUNT_EVENT)) {
            List<Interaction> chunk = new ArrayList<>(CHUNK);
            boolean any = false;
            for (SimEvent e; (e = src.next()) != null; ) {
                if (e instanceof SimEvent.Call c) {
                    Interaction i = c.interaction();
                    chunk.add(i);
                    st[0]++;
                    st[2] += i.usage().inputTokens();
                    st[3] += i.usage().outputTokens();
                    st[4] = Math.min(st[4], i.timeMs());
                    st[5] = Math.max(st[5], i.timeMs());
                    if (chunk.size() == CHUNK) {
                        List<Interaction> full = chunk;
                        inflight.add(pool.submit(() -> GzipChunks.member(full)));
                        chunk = new ArrayList<>(CHUNK);
                        any = true;
                        // bounded: memory does not grow with the number of interactions
                        while (inflight.size() > 2 * WORKERS) {
                            file.write(inflight.poll().get());
                        }
                    }
                    if ((st[0] & 0xFFFF) == 0) {
                        progress.accept(st[0]);
                    }
                } else if (e instanceof SimEvent.Lifecycle l) {
                    aw.write(l.event());
                    st[1]++;
                }
            }
            if (!chunk.isEmpty() || !any) {
                List<Interaction> last = chunk;
                inflight.add(pool.submit(() -> GzipChunks.member(last)));
            }
            while (!inflight.isEmpty()) {
                file.write(inflight.poll().get());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("writing " + out + " failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        progress.accept(st[0]);
        writeTruth(src.truth(), out.resolve(TRUTH));
        return new Summary(st[0], st[1], st[2], st[3], st[4], st[5]);
    }

    /** Drains the source without writing anything (measures generation alone) and summarises it. */
    public static Summary count(EventSource src, LongConsumer progress) {
        long[] st = {0, 0, 0, 0, Long.MAX_VALUE, Long.MIN_VALUE};
        for (SimEvent e; (e = src.next()) != null; ) {
            if (e instanceof SimEvent.Call c) {
                Interaction i = c.interaction();
                st[0]++;
                st[2] += i.usage().inputTokens();
                st[3] += i.usage().outputTokens();
                st[4] = Math.min(st[4], i.timeMs());
                st[5] = Math.max(st[5], i.timeMs());
                if ((st[0] & 0xFFFF) == 0) {
                    progress.accept(st[0]);
                }
            } else {
                st[1]++;
            }
        }
        progress.accept(st[0]);
        return new Summary(st[0], st[1], st[2], st[3], st[4], st[5]);
    }

    /** Writes the truth as pretty JSON with snake_case keys. */
    public static void writeTruth(Truth truth, Path file) {
        try {
            truthMapper().writeValue(file.toFile(), truth);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Reads a truth file written by {@link #writeTruth}. */
    public static Truth readTruth(Path file) {
        try {
            return truthMapper().readValue(file.toFile(), Truth.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static ObjectMapper truthMapper() {
        SimpleModule m = new SimpleModule("instants");
        m.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant v, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeString(v.toString());
            }
        });
        m.addDeserializer(Instant.class, new com.fasterxml.jackson.databind.JsonDeserializer<>() {
            @Override
            public Instant deserialize(com.fasterxml.jackson.core.JsonParser p,
                                       com.fasterxml.jackson.databind.DeserializationContext c) throws IOException {
                return Instant.parse(p.getValueAsString());
            }
        });
        return new ObjectMapper().registerModule(m)
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }
}
