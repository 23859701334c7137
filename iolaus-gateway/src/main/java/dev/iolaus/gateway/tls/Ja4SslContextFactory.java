package dev.iolaus.gateway.tls;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.vertx.core.spi.tls.SslContextFactory;
import java.util.List;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * A Vert.x {@link SslContextFactory} (a public SPI) that configures the default JDK factory exactly as Vert.x asks
 * and wraps what it creates in a {@link Ja4SslContext}.
 */
final class Ja4SslContextFactory implements SslContextFactory {
    private final SslContextFactory delegate;

    Ja4SslContextFactory(SslContextFactory delegate) {
        this.delegate = delegate;
    }

    @Override
    public SslContextFactory useAlpn(boolean useAlpn) {
        delegate.useAlpn(useAlpn);
        return this;
    }

    @Override
    public SslContextFactory clientAuth(ClientAuth clientAuth) {
        delegate.clientAuth(clientAuth);
        return this;
    }

    @Override
    public SslContextFactory forClient(boolean forClient) {
        delegate.forClient(forClient);
        return this;
    }

    @Override
    public SslContextFactory keyMananagerFactory(KeyManagerFactory kmf) {
        delegate.keyMananagerFactory(kmf);
        return this;
    }

    @Override
    public SslContextFactory trustManagerFactory(TrustManagerFactory tmf) {
        delegate.trustManagerFactory(tmf);
        return this;
    }

    @Override
    public SslContextFactory enabledCipherSuites(Set<String> cipherSuites) {
        delegate.enabledCipherSuites(cipherSuites);
        return this;
    }

    @Override
    public SslContextFactory applicationProtocols(List<String> applicationProtocols) {
        delegate.applicationProtocols(applicationProtocols);
        return this;
    }

    @Override
    public SslContextFactory serverName(String serverName) {
        delegate.serverName(serverName);
        return this;
    }

    @Override
    public SslContext create() throws SSLException {
        return new Ja4SslContext(delegate.create());
    }
}
