package dev.iolaus.cli;

import dev.iolaus.io.json.EventCodecs;
import dev.iolaus.io.json.JsonlReader;
import dev.iolaus.io.json.LineDecoder;
import dev.iolaus.io.json.Quarantine;
import dev.iolaus.io.json.ReadStats;
import dev.iolaus.io.json.TruncatedInputException;
import dev.iolaus.io.mapping.FieldMapping;
import dev.iolaus.io.mapping.MappedInteraction;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code iolaus validate}: checks event files line by line with the same strict readers every job uses.
 *
 * <p>Exit code 0 when every line is valid, 1 when any line was quarantined or a file ends early (so scripts and CI
 * can gate on it), 2 for usage errors (unknown type, bad mapping, missing file).
 */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Reads JSONL(.gz) event files strictly and prints 'read N, accepted N, quarantined N'.",
            "Exit code: 0 all lines valid, 1 some line quarantined or a file truncated, 2 usage error.",
            "Example: iolaus validate out/interactions.jsonl.gz --quarantine bad.jsonl",
            "Example: iolaus validate export.jsonl --map account=user.id,time=ts,prompt=input --label-field label"})
final class ValidateCommand implements Callable<Integer> {
    private static final int SHOWN_REASONS = 5;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "JSONL files, plain or gzip.")
    List<Path> files;

    @Option(names = "--type", defaultValue = "interaction", paramLabel = "TYPE",
            description = "Record type: interaction, account, decision or campaign (default ${DEFAULT-VALUE}).")
    String type;

    @Option(names = "--map", paramLabel = "SPEC",
            description = "Read a foreign log through a field mapping (interactions), e.g. account=user,time=ts.")
    String map;

    @Option(names = "--label-field", paramLabel = "FIELD",
            description = "With --map: also read this field as a label and count labelled lines.")
    String labelField;

    @Option(names = "--quarantine", paramLabel = "FILE",
            description = "Write rejected lines here as JSONL {source, line, reason, raw} (.gz compresses).")
    Path quarantine;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new IllegalArgumentException("no such file: " + f);
            }
        }
        FieldMapping mapping = map == null ? null : FieldMapping.parse(map).withLabelField(labelField);
        if (mapping == null && labelField != null) {
            throw new IllegalArgumentException("--label-field needs --map");
        }
        if (mapping == null) {
            EventCodecs.byName(type); // fails early with the list of types
        }
        List<Quarantine.Rejection> shown = new ArrayList<>();
        boolean truncated = false;
        ReadStats total = new ReadStats(0, 0, 0);
        long labelled = 0;
        try (Quarantine file = quarantine == null ? Quarantine.counting() : Quarantine.toFile(quarantine)) {
            Quarantine q = r -> {
                if (shown.size() < SHOWN_REASONS) {
                    shown.add(r);
                }
                file.reject(r);
            };
            for (Path f : files) {
                String name = f.getFileName().toString();
                LineDecoder<?> decoder = mapping != null ? mapping.labelled(name) : EventCodecs.byName(type);
                long[] count = {0, 0};
                try (JsonlReader<?> r = JsonlReader.open(f, decoder, q)) {
                    try {
                        r.forEach(v -> {
                            if (++count[0] % 1_000_000 == 0) {
                                err.printf("  %s: %,d records...%n", name, count[0]);
                                err.flush();
                            }
                            if (v instanceof MappedInteraction m && m.label() != null) {
                                count[1]++;
                            }
                        });
                    } catch (TruncatedInputException e) {
                        truncated = true;
                        err.println("iolaus validate: " + e.getMessage());
                    }
                    ReadStats s = r.stats();
                    labelled += count[1];
                    total = total.plus(s);
                    if (files.size() > 1) {
                        out.println(f + ": " + s);
                    }
                }
            }
        }
        out.println(total + (mapping != null && labelField != null ? ", labelled " + labelled : ""));
        for (Quarantine.Rejection r : shown) {
            err.println("  " + r.source() + ":" + r.line() + ": " + r.reason());
        }
        if (total.quarantined() > shown.size()) {
            err.println("  ... and " + (total.quarantined() - shown.size()) + " more"
                    + (quarantine != null ? " (all in " + quarantine + ")" : " (use --quarantine FILE to keep them)"));
        }
        return total.quarantined() > 0 || truncated ? 1 : 0;
    }
}
