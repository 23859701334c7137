package dev.iolaus.gateway.http;

import java.net.URI;

/**
 * One upstream model server: where to connect, the path prefix of its base URL, and the provider key to send.
 *
 * @param host host name
 * @param port port
 * @param ssl true for https
 * @param basePath path prefix of the base URL without trailing slash (often empty)
 * @param providerKey the provider's key read from the configured environment variable, or null to send none
 */
record Upstream(String host, int port, boolean ssl, String basePath, String providerKey) {

    static Upstream of(String baseUrl, String apiKeyEnv) {
        URI u = URI.create(baseUrl);
        boolean ssl = "https".equals(u.getScheme());
        int port = u.getPort() > 0 ? u.getPort() : ssl ? 443 : 80;
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        // A base URL ending in /v1 (as SDKs write it) would double the /v1 of the request path.
        if (path.endsWith("/v1")) {
            path = path.substring(0, path.length() - 3);
        }
        String key = apiKeyEnv == null ? null : System.getenv(apiKeyEnv);
        if (apiKeyEnv != null && (key == null || key.isBlank())) {
            throw new IllegalArgumentException("environment variable " + apiKeyEnv
                    + " (upstream provider key) is not set");
        }
        return new Upstream(u.getHost(), port, ssl, path, key);
    }

    @Override
    public String toString() {
        // Never print the provider key.
        return (ssl ? "https://" : "http://") + host + ":" + port + basePath;
    }
}
