package dev.iolaus.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The ClientHello parser never throws: truncated, corrupted or foreign bytes give null; split records are joined. */
class ClientHelloParsingTest {
    private static final HelloBuilder HELLO = new HelloBuilder().ciphers(0x1301, 0x1302, 0xc02b).sni("a.example")
            .alpn("h2").supportedVersions(0x0304, 0x0303).signatureAlgorithms(0x0403, 0x0804).ext(0x0017);

    @Test
    void parse_everyTruncation_givesNull() {
        byte[] full = HELLO.record();
        assertThat(Ja4.of(full)).isNotNull();
        for (int n = 0; n < full.length; n++) {
            assertThat(Ja4.of(Arrays.copyOf(full, n))).as("prefix of %d bytes", n).isNull();
        }
    }

    @Test
    void parse_corruptedBytes_neverThrows() {
        byte[] full = HELLO.record();
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 5_000; i++) {
            byte[] b = full.clone();
            for (int k = 0; k < 3; k++) {
                b[r.nextInt(b.length)] = (byte) r.nextInt(256);
            }
            assertThatCode(() -> Ja4.of(b)).doesNotThrowAnyException();
        }
    }

    @Test
    void parse_foreignOrEmptyInput_givesNull() {
        assertThat(Ja4.of((byte[]) null)).isNull();
        assertThat(Ja4.of(new byte[0])).isNull();
        byte[] appData = HELLO.record();
        appData[0] = 0x17;
        assertThat(Ja4.of(appData)).isNull();
        assertThat(Ja4.of("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes())).isNull();
    }

    @Test
    void parse_lengthsPointingOutside_giveNull() {
        byte[] m = HELLO.message();
        byte[] badCipherLength = m.clone();
        int cipherLenAt = 4 + 2 + 32 + 1 + 32;
        badCipherLength[cipherLenAt] = (byte) 0x7f;
        assertThat(ClientHello.parseMessage(badCipherLength)).isNull();
        byte[] badSessionId = m.clone();
        badSessionId[4 + 2 + 32] = (byte) 200;
        assertThat(ClientHello.parseMessage(badSessionId)).isNull();
    }

    @Test
    void parse_helloSplitAcrossRecords_isReassembled() {
        String whole = Ja4.of(HELLO.record());
        assertThat(Ja4.of(HELLO.records(17))).isEqualTo(whole);
        assertThat(Ja4.of(HELLO.records(4))).isEqualTo(whole);
    }

    @Test
    void parse_fields_keepWireOrderAndGrease() {
        ClientHello h = ClientHello.parse(new HelloBuilder().ciphers(0x0a0a, 0x1302, 0x1301).sni("h").alpn("h2", "x")
                .record());
        assertThat(h.cipherSuites()).containsExactly(0x0a0a, 0x1302, 0x1301);
        assertThat(h.extensions()).containsExactly(0x0000, 0x0010);
        assertThat(h.firstAlpn()).isEqualTo("h2");
        assertThat(h.hasServerName()).isTrue();
        assertThat(h.legacyVersion()).isEqualTo(0x0303);
    }
}
