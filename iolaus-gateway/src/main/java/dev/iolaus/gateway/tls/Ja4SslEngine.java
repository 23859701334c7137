package dev.iolaus.gateway.tls;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.BiFunction;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * A server {@link SSLEngine} that behaves exactly like the one it wraps, and on the way reads the ClientHello to
 * compute the connection's JA4.
 *
 * <p>While the hello is incomplete, each {@code unwrap} remembers where its input starts, lets the real engine
 * consume the bytes, and copies the bytes it consumed (never more, never moving any buffer position) into a
 * {@link ClientHelloTap}. After that {@code unwrap} is a plain delegation: the cost is one small copy and one
 * parse per connection, nothing per request. The JA4 is exposed through {@link #getSession()}, which returns a
 * {@link Ja4Session} view once the JA4 is known. Reading the hello can never fail the handshake: a malformed hello is
 * the real engine's business, and the tap just records no JA4.
 */
final class Ja4SslEngine extends SSLEngine {
    private final SSLEngine delegate;
    private final ClientHelloTap tap = new ClientHelloTap();
    private volatile String ja4;
    private volatile Ja4Session view;

    Ja4SslEngine(SSLEngine delegate) {
        super(delegate.getPeerHost(), delegate.getPeerPort());
        this.delegate = delegate;
    }

    /** The JA4 of this connection's ClientHello, or null (not seen yet, or unreadable). */
    String ja4() {
        return ja4;
    }

    @Override
    public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer dst) throws SSLException {
        if (tap.done()) {
            return delegate.unwrap(src, dst);
        }
        int start = src.position();
        return observe(src, start, delegate.unwrap(src, dst));
    }

    @Override
    public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer[] dsts) throws SSLException {
        if (tap.done()) {
            return delegate.unwrap(src, dsts);
        }
        int start = src.position();
        return observe(src, start, delegate.unwrap(src, dsts));
    }

    @Override
    public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer[] dsts, int offset, int length) throws SSLException {
        if (tap.done()) {
            return delegate.unwrap(src, dsts, offset, length);
        }
        int start = src.position();
        return observe(src, start, delegate.unwrap(src, dsts, offset, length));
    }

    /** Feeds the tap the bytes the engine just consumed from {@code src}, which began at {@code start}. */
    private SSLEngineResult observe(ByteBuffer src, int start, SSLEngineResult result) {
        try {
            int consumed = result.bytesConsumed();
            if (consumed > 0) {
                ByteBuffer seen = src.duplicate();
                seen.limit(start + consumed).position(start);
                tap.feed(seen, consumed);
            } else if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                tap.abandon();
            }
        } catch (RuntimeException e) {
            // Fingerprinting is best effort: never let it disturb the connection.
            tap.abandon();
        }
        if (tap.done() && ja4 == null) {
            ja4 = tap.ja4();
        }
        return result;
    }

    @Override
    public SSLSession getSession() {
        SSLSession s = delegate.getSession();
        String fp = ja4;
        if (fp == null || s == null) {
            return s;
        }
        Ja4Session v = view;
        if (v == null || v.delegate() != s) {
            v = new Ja4Session(s, fp);
            view = v;
        }
        return v;
    }

    @Override
    public SSLEngineResult wrap(ByteBuffer src, ByteBuffer dst) throws SSLException {
        return delegate.wrap(src, dst);
    }

    @Override
    public SSLEngineResult wrap(ByteBuffer[] srcs, ByteBuffer dst) throws SSLException {
        return delegate.wrap(srcs, dst);
    }

    @Override
    public SSLEngineResult wrap(ByteBuffer[] srcs, int offset, int length, ByteBuffer dst) throws SSLException {
        return delegate.wrap(srcs, offset, length, dst);
    }

    @Override
    public Runnable getDelegatedTask() {
        return delegate.getDelegatedTask();
    }

    @Override
    public void closeInbound() throws SSLException {
        tap.abandon();
        delegate.closeInbound();
    }

    @Override
    public boolean isInboundDone() {
        return delegate.isInboundDone();
    }

    @Override
    public void closeOutbound() {
        delegate.closeOutbound();
    }

    @Override
    public boolean isOutboundDone() {
        return delegate.isOutboundDone();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    @Override
    public String[] getEnabledCipherSuites() {
        return delegate.getEnabledCipherSuites();
    }

    @Override
    public void setEnabledCipherSuites(String[] suites) {
        delegate.setEnabledCipherSuites(suites);
    }

    @Override
    public String[] getSupportedProtocols() {
        return delegate.getSupportedProtocols();
    }

    @Override
    public String[] getEnabledProtocols() {
        return delegate.getEnabledProtocols();
    }

    @Override
    public void setEnabledProtocols(String[] protocols) {
        delegate.setEnabledProtocols(protocols);
    }

    @Override
    public SSLSession getHandshakeSession() {
        return delegate.getHandshakeSession();
    }

    @Override
    public void beginHandshake() throws SSLException {
        delegate.beginHandshake();
    }

    @Override
    public SSLEngineResult.HandshakeStatus getHandshakeStatus() {
        return delegate.getHandshakeStatus();
    }

    @Override
    public void setUseClientMode(boolean mode) {
        delegate.setUseClientMode(mode);
    }

    @Override
    public boolean getUseClientMode() {
        return delegate.getUseClientMode();
    }

    @Override
    public void setNeedClientAuth(boolean need) {
        delegate.setNeedClientAuth(need);
    }

    @Override
    public boolean getNeedClientAuth() {
        return delegate.getNeedClientAuth();
    }

    @Override
    public void setWantClientAuth(boolean want) {
        delegate.setWantClientAuth(want);
    }

    @Override
    public boolean getWantClientAuth() {
        return delegate.getWantClientAuth();
    }

    @Override
    public void setEnableSessionCreation(boolean flag) {
        delegate.setEnableSessionCreation(flag);
    }

    @Override
    public boolean getEnableSessionCreation() {
        return delegate.getEnableSessionCreation();
    }

    @Override
    public SSLParameters getSSLParameters() {
        return delegate.getSSLParameters();
    }

    @Override
    public void setSSLParameters(SSLParameters params) {
        delegate.setSSLParameters(params);
    }

    @Override
    public String getApplicationProtocol() {
        return delegate.getApplicationProtocol();
    }

    @Override
    public String getHandshakeApplicationProtocol() {
        return delegate.getHandshakeApplicationProtocol();
    }

    @Override
    public void setHandshakeApplicationProtocolSelector(BiFunction<SSLEngine, List<String>, String> selector) {
        delegate.setHandshakeApplicationProtocolSelector(selector);
    }

    @Override
    public BiFunction<SSLEngine, List<String>, String> getHandshakeApplicationProtocolSelector() {
        return delegate.getHandshakeApplicationProtocolSelector();
    }
}
