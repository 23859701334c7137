package dev.iolaus.gateway.http;

import dev.iolaus.gateway.keys.KeyRegistry;

/**
 * Step 1: finds the caller's key ({@code Authorization: Bearer} or {@code x-api-key}); 401 when unknown, revoked
 * or expired, 403 when used from outside its allowed networks. The secret is hashed and then forgotten: it never
 * reaches a log, an error message or an event.
 */
final class Authenticate implements Interceptor {
    private final KeyRegistry keys;

    Authenticate(KeyRegistry keys) {
        this.keys = keys;
    }

    @Override
    public void handle(Exchange ex) {
        String secret = presented(ex);
        KeyRegistry.Entry e = keys.find(secret);
        if (e == null || !e.key().usableAt(ex.startMs)) {
            // A known but revoked or expired key is still attributed: its use after revocation is a signal.
            ex.key = e;
            String why = e == null ? (secret == null ? "no API key was provided" : "the API key is not valid")
                    : "the API key was " + e.key().state(ex.startMs);
            ex.reject(ErrorShape.Kind.UNAUTHORIZED, "invalid_api_key", "unauthorized",
                    "Authentication failed: " + why + ".", null);
            return;
        }
        if (!e.allows(ex.clientIp)) {
            ex.key = e;
            ex.reject(ErrorShape.Kind.FORBIDDEN, "ip_not_allowed", "ip_not_allowed",
                    "This API key may not be used from address " + ex.clientIp + ".", null);
            return;
        }
        ex.key = e;
        ex.proceed();
    }

    private static String presented(Exchange ex) {
        String auth = ex.req.getHeader("authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).trim();
        }
        String k = ex.req.getHeader("x-api-key");
        return k == null ? null : k.trim();
    }
}
