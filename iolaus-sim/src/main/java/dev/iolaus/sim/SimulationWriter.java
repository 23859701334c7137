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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.LongConsumer;

/**
 * Writes a simulated stream to a directory: {@code interactions.jsonl.gz}, {@code accounts.jsonl.gz} and
 * {@code truth.json}. Generation runs on the calling thread and encoding plus compression on a writer thread, with
 * a bounded queue between them, so memory does not grow with the number of interactions.
 */
public final class SimulationWriter {
    /** Files written. */
    public static final String INTERACTIONS = "interactions.jsonl.gz";
    /** Account lifecycle file. */
    public static final String ACCOUNTS = "accounts.jsonl.gz";
    /** Ground truth file. */
    public static final String TRUTH = "truth.json";

    private static final int BATCH = 2048;
    private static final List<SimEvent> END = List.of();

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
     * @param progress called with the number of interactions generated so far, about every 50k
     */
    public static Summary write(SimulatedSource src, Path out, LongConsumer progress) {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output directory " + out, e);
        }
        BlockingQueue<List<SimEvent>> queue = new ArrayBlockingQueue<>(32);
        long[] stats = new long[6];
        stats[4] = Long.MAX_VALUE;
        stats[5] = Long.MIN_VALUE;
        Throwable[] failure = new Throwable[1];
        Thread writer = Thread.ofPlatform().name("iolaus-sim-writer").start(() -> {
            try (JsonlWriter<Interaction> iw = JsonlWriter.open(out.resolve(INTERACTIONS), EventCodecs.INTERACTION);
                 JsonlWriter<AccountEvent> aw = JsonlWriter.open(out.resolve(ACCOUNTS), EventCodecs.ACCOUNT_EVENT)) {
                for (List<SimEvent> batch; (batch = queue.take()) != END; ) {
                    for (SimEvent e : batch) {
                        if (e instanceof SimEvent.Call c) {
                            Interaction i = c.interaction();
                            iw.write(i);
                            stats[0]++;
                            stats[2] += i.usage().inputTokens();
                            stats[3] += i.usage().outputTokens();
                            stats[4] = Math.min(stats[4], i.timeMs());
                            stats[5] = Math.max(stats[5], i.timeMs());
                        } else if (e instanceof SimEvent.Lifecycle l) {
                            aw.write(l.event());
                            stats[1]++;
                        }
                    }
                }
            } catch (Throwable t) {
                failure[0] = t;
                queue.clear();
            }
        });
        long calls = 0;
        List<SimEvent> batch = new ArrayList<>(BATCH);
        try {
            for (SimEvent e; (e = src.next()) != null; ) {
                batch.add(e);
                if (e instanceof SimEvent.Call && (++calls & 0xFFFF) == 0) {
                    progress.accept(calls);
                }
                if (batch.size() == BATCH) {
                    put(queue, batch, writer, failure);
                    batch = new ArrayList<>(BATCH);
                }
            }
            put(queue, batch, writer, failure);
            put(queue, END, writer, failure);
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writer.interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (failure[0] != null) {
            throw new IllegalStateException("writing " + out + " failed: " + failure[0].getMessage(), failure[0]);
        }
        progress.accept(calls);
        writeTruth(src.truth(), out.resolve(TRUTH));
        return new Summary(stats[0], stats[1], stats[2], stats[3], stats[4], stats[5]);
    }

    private static void put(BlockingQueue<List<SimEvent>> q, List<SimEvent> b, Thread writer, Throwable[] failure)
            throws InterruptedException {
        while (!q.offer(b, 200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            if (!writer.isAlive()) {
                throw new IllegalStateException("writer stopped: " + (failure[0] == null ? "?" : failure[0].getMessage()),
                        failure[0]);
            }
        }
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
