package dev.iolaus.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The per-connection tap finds the hello in whatever slices the engine consumes, and stops reading after it. */
class ClientHelloTapTest {
    private static final HelloBuilder HELLO = new HelloBuilder().ciphers(0x1301, 0xc02f).sni("a.example")
            .supportedVersions(0x0304).ext(0x0017);

    @Test
    void feed_inSmallSlices_givesTheSameJa4AsWhole() {
        byte[] records = HELLO.records(50);
        ClientHelloTap tap = new ClientHelloTap();
        ByteBuffer src = ByteBuffer.wrap(records);
        while (src.hasRemaining() && !tap.done()) {
            int n = Math.min(7, src.remaining());
            tap.feed(src, n);
            src.position(src.position() + n);
        }
        assertThat(tap.done()).isTrue();
        assertThat(tap.ja4()).isEqualTo(Ja4.of(HELLO.record())).isNotNull();
    }

    @Test
    void feed_leavesTheSourcePositionAlone() {
        ByteBuffer src = ByteBuffer.wrap(HELLO.record());
        new ClientHelloTap().feed(src, src.remaining());
        assertThat(src.position()).isZero();
    }

    @Test
    void feed_notAHandshake_isDoneWithoutJa4() {
        ClientHelloTap tap = new ClientHelloTap();
        tap.feed(ByteBuffer.wrap("GET / HTTP/1.1\r\n\r\n".getBytes()), 18);
        assertThat(tap.done()).isTrue();
        assertThat(tap.ja4()).isNull();
    }

    @Test
    void abandon_afterJa4_keepsIt() {
        ClientHelloTap tap = new ClientHelloTap();
        byte[] r = HELLO.record();
        tap.feed(ByteBuffer.wrap(r), r.length);
        tap.abandon();
        assertThat(tap.ja4()).isNotNull();
    }
}
