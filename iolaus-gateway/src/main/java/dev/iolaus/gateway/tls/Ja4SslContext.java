package dev.iolaus.gateway.tls;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ApplicationProtocolNegotiator;
import io.netty.handler.ssl.SslContext;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSessionContext;

/**
 * A Netty server {@link SslContext} that is the given one in every respect, except that its engines are
 * {@link Ja4SslEngine}s reading each connection's ClientHello.
 *
 * <p>Engines are left unwrapped (no JA4) where wrapping would change behaviour: client contexts, and contexts that
 * negotiate ALPN, because Netty reads the negotiated protocol through an engine interface it keeps package-private
 * and a wrapper would hide it (HTTP/2 would silently fall back to HTTP/1.1). The gateway negotiates no ALPN.
 */
// ApplicationProtocolNegotiator is deprecated in Netty but still abstract in SslContext: overriding it is required.
@SuppressWarnings("deprecation")
final class Ja4SslContext extends SslContext {
    private final SslContext delegate;
    private final boolean fingerprint;

    Ja4SslContext(SslContext delegate) {
        this.delegate = delegate;
        ApplicationProtocolNegotiator apn = delegate.applicationProtocolNegotiator();
        this.fingerprint = !delegate.isClient() && (apn == null || apn.protocols().isEmpty());
    }

    /** True when this context's engines compute JA4. */
    boolean fingerprints() {
        return fingerprint;
    }

    @Override
    public boolean isClient() {
        return delegate.isClient();
    }

    @Override
    public List<String> cipherSuites() {
        return delegate.cipherSuites();
    }

    @Override
    public ApplicationProtocolNegotiator applicationProtocolNegotiator() {
        return delegate.applicationProtocolNegotiator();
    }

    @Override
    public SSLEngine newEngine(ByteBufAllocator alloc) {
        return wrap(delegate.newEngine(alloc));
    }

    @Override
    public SSLEngine newEngine(ByteBufAllocator alloc, String peerHost, int peerPort) {
        return wrap(delegate.newEngine(alloc, peerHost, peerPort));
    }

    @Override
    public SSLSessionContext sessionContext() {
        return delegate.sessionContext();
    }

    private SSLEngine wrap(SSLEngine engine) {
        return fingerprint ? new Ja4SslEngine(engine) : engine;
    }
}
