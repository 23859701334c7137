package dev.iolaus.gateway.tls;

import io.vertx.core.net.JdkSSLEngineOptions;
import io.vertx.core.spi.tls.SslContextFactory;

/**
 * Vert.x TLS engine options for the gateway's server: the JDK engine, with every server connection's ClientHello
 * read for its JA4 fingerprint. Set with {@code HttpServerOptions.setSslEngineOptions(new Ja4EngineOptions())};
 * a request's JA4 is then {@code Ja4Session.ja4Of(request.sslSession())}.
 */
public final class Ja4EngineOptions extends JdkSSLEngineOptions {

    /** Default JDK engine options. */
    public Ja4EngineOptions() {
    }

    /** A copy (Vert.x copies options; the copy must keep fingerprinting). */
    public Ja4EngineOptions(Ja4EngineOptions other) {
        super(other);
    }

    @Override
    public Ja4EngineOptions copy() {
        return new Ja4EngineOptions(this);
    }

    @Override
    public SslContextFactory sslContextFactory() {
        return new Ja4SslContextFactory(super.sslContextFactory());
    }
}
