package dev.iolaus.eval;

import dev.iolaus.io.json.JsonlReader;
import dev.iolaus.io.json.Quarantine;
import dev.iolaus.io.json.ReadStats;
import dev.iolaus.io.mapping.FieldMapping;
import dev.iolaus.io.mapping.MappedInteraction;
import dev.iolaus.model.Interaction;
import dev.iolaus.sim.EventSource;
import dev.iolaus.sim.SimEvent;
import dev.iolaus.sim.Truth;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A foreign labelled log ({@code --events FILE.jsonl --map SPEC --label-field F}) read once into memory, sorted by
 * event time, with a truth built from its labels: a null label is benign (archetype {@code benign}), a non-null one
 * is a campaign id. An account whose lines carry labels takes its most frequent non-null label. Each campaign's
 * planned interactions are its accounts' lines. Replays drop a blocked account's later lines; nothing reactivates.
 */
final class LabelledLog implements StreamFactory {
    /** Archetype of accounts whose lines carry no label. */
    static final String BENIGN = "benign";

    private final List<Interaction> events;
    private final Truth truth;
    private final ReadStats stats;

    private LabelledLog(List<Interaction> events, Truth truth, ReadStats stats) {
        this.events = events;
        this.truth = truth;
        this.stats = stats;
    }

    /** Reads the file with the mapping; rejected lines go to the quarantine. */
    static LabelledLog read(Path file, FieldMapping mapping, Quarantine quarantine) {
        if (mapping.labelField() == null) {
            throw new IllegalArgumentException("a foreign log needs --label-field (the field holding the campaign id)");
        }
        List<Interaction> events = new ArrayList<>();
        Map<String, Map<String, Integer>> labels = new HashMap<>();
        ReadStats stats;
        try (JsonlReader<MappedInteraction> r = JsonlReader.open(file, mapping.labelled(file.getFileName().toString()),
                quarantine)) {
            for (MappedInteraction m; (m = r.next()) != null; ) {
                events.add(m.interaction());
                Map<String, Integer> l = labels.computeIfAbsent(m.interaction().accountId(), k -> new HashMap<>());
                if (m.label() != null && !m.label().isBlank()) {
                    l.merge(m.label(), 1, Integer::sum);
                }
            }
            stats = r.stats();
        }
        events.sort(Comparator.comparingLong(Interaction::timeMs));
        Map<String, Truth.AccountTruth> accounts = new TreeMap<>();
        labels.forEach((a, l) -> {
            String c = l.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey)
                    .orElse(null);
            accounts.put(a, new Truth.AccountTruth(a, c == null ? BENIGN : c, c, false));
        });
        Map<String, long[]> span = new TreeMap<>();
        for (Interaction i : events) {
            String c = accounts.get(i.accountId()).campaignId();
            if (c != null) {
                long[] s = span.computeIfAbsent(c, k -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 0});
                s[0] = Math.min(s[0], i.timeMs());
                s[1] = Math.max(s[1], i.timeMs());
                s[2]++;
            }
        }
        Map<String, Truth.CampaignTruth> campaigns = new LinkedHashMap<>();
        span.forEach((c, s) -> campaigns.put(c, new Truth.CampaignTruth(c, Instant.ofEpochMilli(s[0]),
                Instant.ofEpochMilli(s[1]), s[2], accounts.values().stream().filter(a -> c.equals(a.campaignId()))
                .map(Truth.AccountTruth::accountId).toList(), List.of(), List.of())));
        Truth truth = new Truth(file.getFileName().toString(), 0, 1.0, "n/a (foreign log)", accounts, campaigns);
        return new LabelledLog(List.copyOf(events), truth, stats);
    }

    Truth truth() {
        return truth;
    }

    ReadStats stats() {
        return stats;
    }

    @Override
    public EventSource open() {
        return new EventSource() {
            private final Set<String> blocked = new HashSet<>();
            private int next;

            @Override
            public SimEvent next() {
                while (next < events.size()) {
                    Interaction i = events.get(next++);
                    if (!blocked.contains(i.accountId())) {
                        return new SimEvent.Call(i);
                    }
                }
                return null;
            }

            @Override
            public void onBlocked(String accountId, long timeMs) {
                blocked.add(accountId);
            }

            @Override
            public Truth truth() {
                return truth;
            }

            @Override
            public void close() {
            }
        };
    }
}
