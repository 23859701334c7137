package dev.iolaus.gateway.keys;

import dev.iolaus.gateway.enforce.Cidr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The serving side of the key store: hash to key, reloaded when the file changes (so {@code iolaus keys revoke}
 * takes effect on a running gateway within a second).
 */
public final class KeyRegistry {
    private final KeyStore store;
    private volatile Map<String, Entry> byHash = Map.of();
    private volatile FileTime loadedAt;

    /** One usable key with its parsed networks. */
    public record Entry(ApiKey key, List<Cidr> networks) {
        /** True when the address is allowed (no restriction, or inside one network). */
        public boolean allows(String ip) {
            if (networks.isEmpty()) {
                return true;
            }
            for (Cidr c : networks) {
                if (c.contains(ip)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A registry over the store, loaded now. */
    public KeyRegistry(KeyStore store) {
        this.store = store;
        reloadIfChanged();
    }

    /** The entry of a presented secret, or null when unknown. Revocation and expiry are checked by the caller. */
    public Entry find(String secret) {
        if (secret == null || secret.isEmpty()) {
            return null;
        }
        return byHash.get(KeyStore.hash(secret));
    }

    /** Re-reads the key file when its modification time changed; returns true when it did. */
    public synchronized boolean reloadIfChanged() {
        try {
            FileTime t = Files.exists(store.file()) ? Files.getLastModifiedTime(store.file()) : null;
            if (t != null && t.equals(loadedAt)) {
                return false;
            }
            Map<String, Entry> m = new HashMap<>();
            for (ApiKey k : store.load()) {
                m.put(k.hash(), new Entry(k, k.networks()));
            }
            byHash = Map.copyOf(m);
            loadedAt = t;
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Forces a reload (tests, or after writing through the same store). */
    public synchronized void reload() {
        loadedAt = null;
        reloadIfChanged();
    }
}
