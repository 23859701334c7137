package dev.iolaus.gateway;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed RSA certificate for {@code localhost} and {@code 127.0.0.1}, made once per test JVM with the JDK's
 * own {@code keytool} (no extra test dependency), with helpers for PEM files and client/server TLS contexts.
 */
public final class TestCerts {
    /** Alias of the key entry. */
    public static final String ALIAS = "gw";
    private static final char[] PASS = "changeit".toCharArray();
    private static KeyStore store;

    private TestCerts() {
    }

    /** The key store holding the key and certificate (created on first use). */
    public static synchronized KeyStore keyStore() {
        if (store == null) {
            store = generate();
        }
        return store;
    }

    /** Writes {@code cert.pem} and {@code key.pem} (PKCS#8) into the directory; returns {cert, key}. */
    public static Path[] writePem(Path dir) throws Exception {
        KeyStore ks = keyStore();
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Files.writeString(cert, pem("CERTIFICATE", ks.getCertificate(ALIAS).getEncoded()));
        Files.writeString(key, pem("PRIVATE KEY", ((PrivateKey) ks.getKey(ALIAS, PASS)).getEncoded()));
        return new Path[] {cert, key};
    }

    /** A fresh client context trusting only this certificate (fresh: no TLS session to resume). */
    public static SSLContext clientContext() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry(ALIAS, keyStore().getCertificate(ALIAS));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    /** A server context presenting this certificate. */
    public static SSLContext serverContext() throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore(), PASS);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    private static KeyStore generate() {
        try {
            Path dir = Files.createTempDirectory("iolaus-cert");
            Path p12 = dir.resolve("gw.p12");
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process proc = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", ALIAS, "-keyalg", "RSA",
                    "-keysize", "2048", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                    "-validity", "2", "-storetype", "PKCS12", "-keystore", p12.toString(), "-storepass",
                    new String(PASS), "-keypass", new String(PASS)).redirectErrorStream(true).start();
            String out;
            try (InputStream in = proc.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!proc.waitFor(60, TimeUnit.SECONDS) || proc.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + out);
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(p12)) {
                ks.load(in, PASS);
            }
            return ks;
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a test certificate: " + e.getMessage(), e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
