package dev.iolaus.gateway.keys;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.iolaus.gateway.enforce.Cidr;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The key file {@code keys.json} in the data directory: issued keys stored as SHA-256 hashes only.
 *
 * <p>Keys carry 256 random bits, so a plain SHA-256 is enough (no salt or slow hash needed: there is nothing to
 * guess). Writes go to a temporary file renamed over the old one, so a running gateway never reads half a file.
 */
public final class KeyStore {
    /** Prefix of every issued secret; lets scanners and people recognise an Iolaus key. */
    public static final String SECRET_PREFIX = "iol-";
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private final Path file;

    /** The store in this data directory (created on first write). */
    public KeyStore(Path dataDir) {
        this.file = dataDir.resolve("keys.json");
    }

    /** The file holding the keys. */
    public Path file() {
        return file;
    }

    /** A key just issued: the stored record and the secret, which exists nowhere else. */
    public record Issued(ApiKey key, String secret) {
        @Override
        public String toString() {
            return "Issued[" + key.id() + "]";
        }
    }

    /** Issues a key; the secret is returned once and only its hash is stored. */
    public synchronized Issued create(String account, String org, Instant expiresAt, List<String> allowedCidrs,
                                      Long rpm, Long tpm) {
        if (account == null || account.isBlank()) {
            throw new IllegalArgumentException("--account is required and must not be blank");
        }
        List<String> cidrs = allowedCidrs == null ? List.of()
                : allowedCidrs.stream().map(c -> Cidr.parse(c).toString()).toList();
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        byte[] idRaw = new byte[8];
        RANDOM.nextBytes(idRaw);
        ApiKey key = new ApiKey("key_" + HEX.formatHex(idRaw), hash(secret), account, org, Instant.now(),
                expiresAt, cidrs, rpm, tpm, null);
        List<ApiKey> all = new ArrayList<>(load());
        all.add(key);
        save(all);
        return new Issued(key, secret);
    }

    /** Revokes a key by id; returns the revoked record. */
    public synchronized ApiKey revoke(String id) {
        List<ApiKey> all = new ArrayList<>(load());
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(id)) {
                ApiKey k = all.get(i).revokedAt() == null ? all.get(i).revoked(Instant.now()) : all.get(i);
                all.set(i, k);
                save(all);
                return k;
            }
        }
        throw new IllegalArgumentException("no key with id '" + id + "' in " + file + " (see 'iolaus keys list')");
    }

    /** Every key, in creation order; empty when the file does not exist. */
    public List<ApiKey> load() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return JSON.readValue(file.toFile(), new TypeReference<List<ApiKey>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key file " + file + ": " + e.getMessage(), e);
        }
    }

    private void save(List<ApiKey> keys) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling("keys.json.tmp");
            Files.write(tmp, JSON.writeValueAsBytes(keys));
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write key file " + file + ": " + e.getMessage(), e);
        }
    }

    /** One digest per thread: the event loops hash the presented secret on every call. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    });

    /** Hex SHA-256 of a presented secret. */
    public static String hash(String secret) {
        return HEX.formatHex(SHA256.get().digest(secret.getBytes(StandardCharsets.UTF_8)));
    }
}
