package dev.iolaus.gateway.tls;

import java.security.Principal;
import java.security.cert.Certificate;
import java.util.List;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;

/**
 * A TLS session as one connection sees it: the real session, plus the JA4 of that connection's ClientHello.
 *
 * <p>The JA4 belongs to the connection, not to the session: a resumed TLS 1.2 session is shared by connections
 * whose hellos may differ, so the value is carried by this per-connection view instead of being stored in the
 * shared session. Everything else is delegated.
 */
public final class Ja4Session extends ExtendedSSLSession {
    private final SSLSession delegate;
    private final String ja4;

    Ja4Session(SSLSession delegate, String ja4) {
        this.delegate = delegate;
        this.ja4 = ja4;
    }

    /** The JA4 of the connection a session came from, or null (plain session, or no readable hello). */
    public static String ja4Of(SSLSession session) {
        return session instanceof Ja4Session s ? s.ja4 : null;
    }

    /** This connection's JA4. */
    public String ja4() {
        return ja4;
    }

    SSLSession delegate() {
        return delegate;
    }

    @Override
    public String[] getLocalSupportedSignatureAlgorithms() {
        return delegate instanceof ExtendedSSLSession e ? e.getLocalSupportedSignatureAlgorithms() : new String[0];
    }

    @Override
    public String[] getPeerSupportedSignatureAlgorithms() {
        return delegate instanceof ExtendedSSLSession e ? e.getPeerSupportedSignatureAlgorithms() : new String[0];
    }

    @Override
    public List<SNIServerName> getRequestedServerNames() {
        if (delegate instanceof ExtendedSSLSession e) {
            return e.getRequestedServerNames();
        }
        throw new UnsupportedOperationException();
    }

    @Override
    public List<byte[]> getStatusResponses() {
        return delegate instanceof ExtendedSSLSession e ? e.getStatusResponses() : List.of();
    }

    @Override
    public byte[] getId() {
        return delegate.getId();
    }

    @Override
    public SSLSessionContext getSessionContext() {
        return delegate.getSessionContext();
    }

    @Override
    public long getCreationTime() {
        return delegate.getCreationTime();
    }

    @Override
    public long getLastAccessedTime() {
        return delegate.getLastAccessedTime();
    }

    @Override
    public void invalidate() {
        delegate.invalidate();
    }

    @Override
    public boolean isValid() {
        return delegate.isValid();
    }

    @Override
    public void putValue(String name, Object value) {
        delegate.putValue(name, value);
    }

    @Override
    public Object getValue(String name) {
        return delegate.getValue(name);
    }

    @Override
    public void removeValue(String name) {
        delegate.removeValue(name);
    }

    @Override
    public String[] getValueNames() {
        return delegate.getValueNames();
    }

    @Override
    public Certificate[] getPeerCertificates() throws SSLPeerUnverifiedException {
        return delegate.getPeerCertificates();
    }

    @Override
    public Certificate[] getLocalCertificates() {
        return delegate.getLocalCertificates();
    }

    @Override
    public Principal getPeerPrincipal() throws SSLPeerUnverifiedException {
        return delegate.getPeerPrincipal();
    }

    @Override
    public Principal getLocalPrincipal() {
        return delegate.getLocalPrincipal();
    }

    @Override
    public String getCipherSuite() {
        return delegate.getCipherSuite();
    }

    @Override
    public String getProtocol() {
        return delegate.getProtocol();
    }

    @Override
    public String getPeerHost() {
        return delegate.getPeerHost();
    }

    @Override
    public int getPeerPort() {
        return delegate.getPeerPort();
    }

    @Override
    public int getPacketBufferSize() {
        return delegate.getPacketBufferSize();
    }

    @Override
    public int getApplicationBufferSize() {
        return delegate.getApplicationBufferSize();
    }
}
