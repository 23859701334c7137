package dev.iolaus.gateway.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.iolaus.gateway.limit.Limits;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The gateway's configuration ({@code iolaus.yaml}); every key is described in {@code gateway.reference.yaml}.
 *
 * @param listen host:port to listen on
 * @param tls TLS termination, or null for plain HTTP
 * @param dataDir data directory (keys, journal, captured interactions)
 * @param upstreams where OpenAI- and Anthropic-shaped calls go
 * @param upstreamTimeoutMs idle timeout of an upstream call (no byte for this long fails it), milliseconds
 * @param maxBodyBytes largest request body accepted
 * @param limits rate limits
 * @param challenge the response of a CHALLENGE decision
 * @param capture capture queue and journal settings
 * @param trustForwardedFor take the client address from X-Forwarded-For (only behind a trusted proxy)
 * @param metricsPath path of the Prometheus endpoint, or empty to disable
 * @param eventLoops event-loop threads, 0 for one per core
 * @param ipData folder of IP intelligence data (for the engine), or null
 * @param policyFile decision policy file (for the engine), or null
 * @param engine the embedded engine's settings (read by {@code iolaus serve}, not by the proxy), or null
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record GatewayConfig(String listen, Tls tls, String dataDir, Upstreams upstreams, Long upstreamTimeoutMs,
                            Long maxBodyBytes, LimitsConfig limits, Challenge challenge, Capture capture,
                            Boolean trustForwardedFor, String metricsPath, Integer eventLoops, String ipData,
                            String policyFile, EngineSection engine) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** TLS termination with PEM files. */
    public record Tls(String certFile, String keyFile) {
    }

    /** Upstream base URLs and the environment variables holding provider keys. */
    public record Upstreams(Upstream openai, Upstream anthropic) {
    }

    /** One upstream. */
    public record Upstream(String baseUrl, String apiKeyEnv) {
    }

    /** Rate limits as configured (null keeps the default). */
    public record LimitsConfig(Long keyRpm, Long keyTpm, Long accountRpm, Long accountTpm, Long ipRpm, Long ipTpm,
                               Long campaignRpm, Long campaignTpm, Double throttleFactor) {
    }

    /** What a CHALLENGE decision answers. */
    public record Challenge(Integer status, String message, String url) {
    }

    /** Capture settings. */
    public record Capture(Integer queueCapacity, String journalDir,
                          @JsonProperty("interactions_file") String interactionsFile) {
    }

    /**
     * The embedded engine that {@code iolaus serve} attaches (null keys keep their defaults).
     *
     * @param enabled false runs the gateway with capture to the interactions file only
     * @param detectors detector names (default {@code iolaus})
     * @param accounts account-event JSONL file ({@code .jsonl} or {@code .jsonl.gz}) loaded at start, or null
     * @param queueCapacity events waiting for the engine before the capture thread waits (and capture spills)
     */
    public record EngineSection(Boolean enabled, List<String> detectors, String accounts, Integer queueCapacity) {
    }

    /** The configuration of the no-file form: {@code serve --listen L --upstream U [--data-dir D]}. */
    public static GatewayConfig of(String listen, String upstream, String dataDir) {
        Upstream u = new Upstream(upstream, null);
        return new GatewayConfig(listen, null, dataDir, new Upstreams(u, u), null, null, null, null, null, null,
                null, null, null, null, null).validated();
    }

    /** Reads and validates a YAML file; errors name the file and the key. */
    public static GatewayConfig load(Path file) {
        try {
            return YAML.readValue(Files.readAllBytes(file), GatewayConfig.class).validated();
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(file + ": unknown key '" + e.getPropertyName()
                    + "' (see gateway.reference.yaml for every key)");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read config " + file + ": " + e.getMessage());
        }
    }

    /** Fills defaults and checks values. */
    public GatewayConfig validated() {
        String l = listen == null ? "127.0.0.1:8080" : listen;
        hostPort(l, "listen");
        Upstreams ups = upstreams == null ? new Upstreams(null, null) : upstreams;
        Upstream oa = ups.openai();
        Upstream an = ups.anthropic();
        if (oa == null && an == null) {
            throw new IllegalArgumentException("upstreams: at least one of openai or anthropic needs a base_url");
        }
        oa = oa == null ? an : oa;
        an = an == null ? oa : an;
        checkUrl(oa.baseUrl(), "upstreams.openai.base_url");
        checkUrl(an.baseUrl(), "upstreams.anthropic.base_url");
        if (tls != null && (tls.certFile() == null || tls.keyFile() == null)) {
            throw new IllegalArgumentException("tls needs both cert_file and key_file (PEM)");
        }
        return new GatewayConfig(l, tls, dataDir == null ? "./data" : dataDir, new Upstreams(oa, an),
                upstreamTimeoutMs == null ? 120_000L : positive(upstreamTimeoutMs, "upstream_timeout_ms"),
                maxBodyBytes == null ? 32L << 20 : positive(maxBodyBytes, "max_body_bytes"),
                limits, challenge == null ? new Challenge(403, "verification required", null) : challenge,
                capture == null ? new Capture(65_536, null, null) : capture,
                trustForwardedFor != null && trustForwardedFor, metricsPath == null ? "/metrics" : metricsPath,
                eventLoops == null ? 0 : eventLoops, ipData, policyFile,
                engine == null ? new EngineSection(true, null, null, null) : engine);
    }

    /** The limits with defaults for keys not set. */
    public Limits effectiveLimits() {
        Limits d = Limits.DEFAULTS;
        LimitsConfig c = limits;
        if (c == null) {
            return d;
        }
        return new Limits(or(c.keyRpm(), d.keyRpm()), or(c.keyTpm(), d.keyTpm()), or(c.accountRpm(), d.accountRpm()),
                or(c.accountTpm(), d.accountTpm()), or(c.ipRpm(), d.ipRpm()), or(c.ipTpm(), d.ipTpm()),
                or(c.campaignRpm(), d.campaignRpm()), or(c.campaignTpm(), d.campaignTpm()),
                c.throttleFactor() == null ? d.throttleFactor() : c.throttleFactor());
    }

    /** The data directory as a path. */
    public Path dataPath() {
        return Path.of(dataDir);
    }

    /** Queue capacity of the capture pipeline. */
    public int queueCapacity() {
        return capture.queueCapacity() == null ? 65_536 : capture.queueCapacity();
    }

    /** Directory of the spill journal. */
    public Path journalPath() {
        return capture.journalDir() == null ? dataPath().resolve("journal") : Path.of(capture.journalDir());
    }

    /**
     * Where every captured interaction is appended as JSONL (the retro-hunt input), or null when
     * {@code capture.interactions_file} is set to an empty string. Default {@code <data_dir>/interactions.jsonl}.
     */
    public Path interactionsPath() {
        String f = capture.interactionsFile();
        return f == null ? dataPath().resolve("interactions.jsonl") : f.isBlank() ? null : Path.of(f);
    }

    /** Host part of a host:port. */
    public static String host(String hostPort) {
        return hostPort.substring(0, hostPort.lastIndexOf(':')).replace("[", "").replace("]", "");
    }

    /** Port part of a host:port. */
    public static int port(String hostPort) {
        return Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
    }

    private static void hostPort(String v, String key) {
        int i = v.lastIndexOf(':');
        try {
            if (i <= 0 || Integer.parseInt(v.substring(i + 1)) < 0 || Integer.parseInt(v.substring(i + 1)) > 65535) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": expected host:port such as 127.0.0.1:8080, got '" + v + "'");
        }
    }

    private static void checkUrl(String v, String key) {
        try {
            URI u = URI.create(v);
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + ": expected a URL such as http://127.0.0.1:9000, got '" + v + "'");
        }
    }

    private static long positive(long v, String key) {
        if (v <= 0) {
            throw new IllegalArgumentException(key + " must be > 0, was " + v);
        }
        return v;
    }

    private static long or(Long v, long d) {
        return v == null ? d : v;
    }
}
