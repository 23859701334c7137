package dev.iolaus.sim.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Prompt pools read from a corpora directory (JSONL, format of {@code shared/corpora/README.md}), each split in a
 * benign half and an attacker half by a hash of the text, so that both sides ask the same kinds of things but
 * never the same corpus prompt. Pools a directory lacks come from the {@link BuiltInCorpus}.
 */
public final class Corpora {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String origin;
    private final Map<String, PromptItem[][]> pools;

    private Corpora(String origin, Map<String, PromptItem[][]> pools) {
        this.origin = origin;
        this.pools = pools;
    }

    /** Which corpora were used: the directory, or {@code built-in}. */
    public String origin() {
        return origin;
    }

    /** Pool names available. */
    public java.util.Set<String> poolNames() {
        return pools.keySet();
    }

    /** Number of prompts in a pool (both halves), 0 when unknown. */
    public int size(String pool) {
        PromptItem[][] p = pools.get(pool);
        return p == null ? 0 : p[0].length + p[1].length;
    }

    /** Picks a prompt of the pool's benign (attacker = false) or attacker half. */
    public PromptItem pick(String pool, boolean attacker, SplittableRandom rng) {
        PromptItem[][] p = pools.get(pool);
        if (p == null) {
            throw new IllegalArgumentException("unknown prompt pool '" + pool + "' (known: " + pools.keySet() + ")");
        }
        PromptItem[] half = p[attacker ? 1 : 0].length > 0 ? p[attacker ? 1 : 0] : p[attacker ? 0 : 1];
        return half[rng.nextInt(half.length)];
    }

    /** The prompt at a stable index of the benign half (fixed prompt sets: eval suites, CI jobs). */
    public PromptItem fixed(String pool, int index) {
        PromptItem[] half = pools.get(pool)[0].length > 0 ? pools.get(pool)[0] : pools.get(pool)[1];
        return half[Math.floorMod(index, half.length)];
    }

    /** The built-in generated corpus only. */
    public static Corpora builtIn() {
        Map<String, PromptItem[][]> pools = new TreeMap<>();
        BuiltInCorpus.all().forEach((name, items) -> pools.put(name, split(items)));
        return new Corpora("built-in", pools);
    }

    /**
     * Resolves the corpora: an explicit directory (must exist), else {@code IOLAUS_CORPORA} (system property or
     * environment), else {@code ../shared/corpora} when it exists, else the built-in corpus.
     */
    public static Corpora resolve(Path explicit) {
        if (explicit != null) {
            if (!Files.isDirectory(explicit)) {
                throw new IllegalArgumentException("corpora directory " + explicit + " does not exist");
            }
            return load(explicit);
        }
        String conf = System.getProperty("IOLAUS_CORPORA", System.getenv("IOLAUS_CORPORA"));
        if (conf != null && !conf.isBlank()) {
            return resolve(Path.of(conf));
        }
        Path def = Path.of("..", "shared", "corpora");
        return Files.isDirectory(def) ? load(def) : builtIn();
    }

    /** Loads every {@code *.jsonl} file of a directory; pools it lacks come from the built-in corpus. */
    public static Corpora load(Path dir) {
        Map<String, List<PromptItem>> byPool = new TreeMap<>();
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.jsonl")) {
            ds.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list corpora directory " + dir, e);
        }
        files.sort(null); // directory order varies by file system; sorted keeps runs byte-identical
        if (files.isEmpty()) {
            throw new IllegalArgumentException("corpora directory " + dir + " has no *.jsonl files");
        }
        for (Path f : files) {
            readFile(f, byPool);
        }
        Map<String, PromptItem[][]> pools = new TreeMap<>();
        byPool.forEach((name, items) -> pools.put(name, split(items)));
        BuiltInCorpus.all().forEach((name, items) -> pools.putIfAbsent(name, split(items)));
        return new Corpora(dir.toAbsolutePath().normalize().toString(), pools);
    }

    private static void readFile(Path f, Map<String, List<PromptItem>> byPool) {
        int lineNo = 0;
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                PromptItem it = parse(line);
                if (it == null) {
                    throw new IllegalArgumentException(f + ":" + lineNo + ": record has no 'text'");
                }
                byPool.computeIfAbsent(it.pool(), k -> new ArrayList<>()).add(it);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(f + ":" + lineNo + ": not valid JSONL (" + e.getMessage() + ")", e);
        }
    }

    /** One record, read with the streaming parser (a tree per line costs more than the whole file's I/O). */
    private static PromptItem parse(String line) throws IOException {
        String text = null;
        String kind = "";
        String topic = "";
        String system = null;
        int responseChars = 0;
        List<String> turns = new ArrayList<>();
        try (JsonParser p = JSON.getFactory().createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "text" -> text = p.getValueAsString();
                    case "kind" -> kind = p.getValueAsString("");
                    case "topic" -> topic = p.getValueAsString("");
                    case "system" -> system = t == JsonToken.VALUE_NULL ? null : p.getValueAsString();
                    case "response_chars" -> responseChars = p.getValueAsInt(0);
                    case "turns" -> {
                        if (t == JsonToken.START_ARRAY) {
                            while (p.nextToken() != JsonToken.END_ARRAY) {
                                turns.add(p.getValueAsString());
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        }
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!turns.isEmpty() && turns.get(0).equals(text)) {
            turns.remove(0);
        }
        return new PromptItem(text, system, turns, responseChars, poolOf(kind, topic));
    }

    /** Maps a record's kind and topic to a pool name. */
    static String poolOf(String kind, String topic) {
        return switch (kind) {
            case "distill-code" -> "code";
            case "distill-tool" -> "tool";
            case "distill-reasoning" -> "reasoning";
            case "distill-general" -> "general";
            case "eval-harness" -> "eval";
            case "benign" -> topic.startsWith("role:") ? "roles" : "chat";
            case "" -> "chat";
            default -> kind;
        };
    }

    private static PromptItem[][] split(List<PromptItem> items) {
        List<PromptItem> benign = new ArrayList<>();
        List<PromptItem> attack = new ArrayList<>();
        for (PromptItem it : items) {
            // Stable across runs and machines: String.hashCode is specified.
            int h = it.text().hashCode() * 0x9E3779B9;
            (((h >>> 16) & 1) == 0 ? benign : attack).add(it);
        }
        return new PromptItem[][] {benign.toArray(PromptItem[]::new), attack.toArray(PromptItem[]::new)};
    }
}
