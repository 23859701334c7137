package dev.iolaus.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import org.junit.jupiter.api.Test;

/**
 * Server contexts without ALPN get fingerprinting engines; contexts that negotiate ALPN or act as clients keep
 * their own engines, since a wrapper would hide Netty's negotiated-protocol accessor.
 */
class Ja4SslContextTest {

    @Test
    void serverContextWithoutAlpn_newEngine_fingerprints() throws Exception {
        Ja4SslContext ctx = new Ja4SslContext(builder().build());
        assertThat(ctx.fingerprints()).isTrue();
        assertThat(ctx.newEngine(ByteBufAllocator.DEFAULT)).isInstanceOf(Ja4SslEngine.class);
        assertThat(ctx.newEngine(ByteBufAllocator.DEFAULT, "h", 1)).isInstanceOf(Ja4SslEngine.class);
    }

    @Test
    void serverContextWithAlpn_newEngine_isLeftAlone() throws Exception {
        SslContext alpn = builder().applicationProtocolConfig(new ApplicationProtocolConfig(
                ApplicationProtocolConfig.Protocol.ALPN, ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, "h2", "http/1.1")).build();
        Ja4SslContext ctx = new Ja4SslContext(alpn);
        assertThat(ctx.fingerprints()).isFalse();
        assertThat(ctx.newEngine(ByteBufAllocator.DEFAULT)).isNotInstanceOf(Ja4SslEngine.class);
        assertThat(ctx.applicationProtocolNegotiator().protocols()).containsExactly("h2", "http/1.1");
    }

    @Test
    void clientContext_isLeftAlone() throws Exception {
        Ja4SslContext ctx = new Ja4SslContext(SslContextBuilder.forClient().sslProvider(SslProvider.JDK).build());
        assertThat(ctx.fingerprints()).isFalse();
        assertThat(ctx.isClient()).isTrue();
    }

    private static SslContextBuilder builder() throws Exception {
        KeyStore empty = KeyStore.getInstance("PKCS12");
        empty.load(null, null);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(empty, new char[0]);
        return SslContextBuilder.forServer(kmf).sslProvider(SslProvider.JDK);
    }
}
