package dev.iolaus.server.analyze;

import dev.iolaus.detect.engine.Engine;
import dev.iolaus.io.json.EventCodecs;
import dev.iolaus.io.json.JsonlReader;
import dev.iolaus.io.json.LineDecoder;
import dev.iolaus.io.json.Quarantine;
import dev.iolaus.io.json.ReadStats;
import dev.iolaus.io.mapping.FieldMapping;
import dev.iolaus.model.AccountEvent;
import dev.iolaus.model.Interaction;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * Feeds an {@link Engine} from files: interactions ({@code .jsonl} or {@code .jsonl.gz}, native or mapped with a
 * {@link FieldMapping} spec) and optional account events, merged by event time (account events first on ties, so a
 * signup precedes its first request).
 *
 * <p>Each file must be in non-decreasing time order, as logs are; an event older than what the engine has already
 * seen is still processed and counted as late in the engine's stats. Invalid lines go to the quarantine.
 *
 * @param interactions the interactions file
 * @param accounts the account events file, or null
 * @param mapSpec a field-mapping spec for a foreign interactions log, or null for the native format
 */
public record EventFiles(Path interactions, Path accounts, String mapSpec) {
    public EventFiles {
        Objects.requireNonNull(interactions, "interactions");
    }

    /**
     * What a replay read.
     *
     * @param interactions counts of the interactions file
     * @param accounts counts of the account events file (zeros when none)
     * @param firstMs event time of the earliest interaction, or 0 when none
     * @param lastMs event time of the latest interaction, or 0 when none
     */
    public record Counts(ReadStats interactions, ReadStats accounts, long firstMs, long lastMs) {
    }

    /**
     * Replays both files into the engine, then finishes it.
     *
     * @param engine the engine
     * @param quarantine where invalid lines go
     * @param progress told the number of events replayed every 100,000 events
     */
    public Counts replay(Engine engine, Quarantine quarantine, LongConsumer progress) {
        LineDecoder<Interaction> decoder = mapSpec == null ? EventCodecs.INTERACTION
                : FieldMapping.parse(mapSpec).interactions(interactions.getFileName().toString());
        ReadStats none = new ReadStats(0, 0, 0);
        try (JsonlReader<Interaction> ir = JsonlReader.open(interactions, decoder, quarantine);
             JsonlReader<AccountEvent> ar = accounts == null ? null
                     : JsonlReader.open(accounts, EventCodecs.ACCOUNT_EVENT, quarantine)) {
            Interaction i = ir.next();
            AccountEvent a = ar == null ? null : ar.next();
            long n = 0;
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            while (i != null || a != null) {
                if (a != null && (i == null || a.timeMs() <= i.timeMs())) {
                    engine.accept(a);
                    a = ar.next();
                } else {
                    // The window is the interactions' (signups may be years older).
                    first = Math.min(first, i.timeMs());
                    last = Math.max(last, i.timeMs());
                    engine.accept(i);
                    i = ir.next();
                }
                if (++n % 100_000 == 0 && progress != null) {
                    progress.accept(n);
                }
            }
            engine.finish();
            return new Counts(ir.stats(), ar == null ? none : ar.stats(), first == Long.MAX_VALUE ? 0 : first,
                    first == Long.MAX_VALUE ? 0 : last);
        }
    }
}
