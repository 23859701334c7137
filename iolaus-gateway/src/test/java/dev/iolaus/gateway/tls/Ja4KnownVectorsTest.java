package dev.iolaus.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * JA4 against published vectors. No published vector came with its raw ClientHello bytes, so each hello is built
 * byte by byte from the published field lists (ciphers, extensions and signature algorithms in wire order), with
 * GREASE values added where real clients put them, and must give the published fingerprint.
 */
class Ja4KnownVectorsTest {
    private static final byte[] EMPTY = new byte[0];

    /**
     * FoxIO's JA4 specification example (technical_details/JA4.md; also the reference implementation's unit test):
     * 15 ciphers, 16 extensions with SNI and ALPN h2, TLS 1.3, 8 signature algorithms gives
     * {@code t13d1516h2_8daaf6152771_e5627efa2ab1}.
     */
    @Test
    void ja4_foxioSpecificationExample_matchesPublishedFingerprint() {
        HelloBuilder b = new HelloBuilder()
                .ciphers(0x3a3a, 0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8, 0xc013,
                        0xc014, 0x009c, 0x009d, 0x002f, 0x0035)
                .ext(0xdada)
                .ext(0x001b).sni("example.com").ext(0x0033).alpn("h2", "http/1.1").ext(0x4469).ext(0x0017)
                .ext(0x002d)
                .signatureAlgorithms(0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601)
                .ext(0x0005).ext(0x0023).ext(0x0012).supportedVersions(0x7a7a, 0x0304, 0x0303).ext(0xff01)
                .ext(0x000b).ext(0x000a).ext(0x0015)
                .ext(0x1a1a, new byte[] {0});

        assertThat(Ja4.of(b.record())).isEqualTo("t13d1516h2_8daaf6152771_e5627efa2ab1");
    }

    /**
     * A Chrome 143 (Android) hello as published by browserleaks.com with its JA4 and its original-order raw form
     * ({@code ja4_ro}): {@code t13d1516h2_8daaf6152771_d8a2da3f94cd}.
     */
    @Test
    void ja4_chrome143PublishedHello_matchesPublishedFingerprint() {
        HelloBuilder b = new HelloBuilder()
                .ciphers(0x8a8a, 0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8, 0xc013,
                        0xc014, 0x009c, 0x009d, 0x002f, 0x0035)
                .ext(0x4a4a)
                .ext(0x002d).ext(0x0033).alpn("h2", "http/1.1").ext(0xfe0d).ext(0x0017).ext(0x44cd)
                .sni("tls.browserleaks.com").ext(0x000b).ext(0x000a).supportedVersions(0xeaea, 0x0304, 0x0303)
                .ext(0xff01).ext(0x0023).ext(0x0012).ext(0x0005)
                .signatureAlgorithms(0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601)
                .ext(0x001b)
                .ext(0x5a5a, EMPTY);

        assertThat(Ja4.of(b.record())).isEqualTo("t13d1516h2_8daaf6152771_d8a2da3f94cd");
    }

    /**
     * A real hello: the exact bytes OpenSSL 3.0.19's {@code s_client -servername example.com -alpn h2,http/1.1}
     * sent, captured on a raw socket on the build machine (2026-11-27). The expected value was computed from the
     * same bytes by a separate Python implementation of the spec written for this check (not an authority: it
     * guards the byte parser on a real hello, while the two vectors above guard the algorithm).
     */
    @Test
    void ja4_realOpenSsl3Hello_matchesIndependentComputation() {
        byte[] hello = HexFormat.of().parseHex(""
                + "160301014a010001460303a21aa48f87a80983fa434845acb1635e96de5616285919f93822f96c40beba9c205fdf12c8764f"
                + "2e1941a5bfd497deb7cc202e35708ef3a6ab6c5f4a7372e846f1003e130213031301c02cc030009fcca9cca8ccaac02bc02f"
                + "009ec024c028006bc023c0270067c00ac0140039c009c0130033009d009c003d003c0035002f00ff010000bf00000010000e"
                + "00000b6578616d706c652e636f6d000b000403000102000a00160014001d0017001e00190018010001010102010301040023"
                + "00000010000e000c02683208687474702f312e310016000000170000000d002a0028040305030603080708080809080a080b"
                + "080408050806040105010601030303010302040205020602002b0009080304030303020301002d0002010100330026002400"
                + "1d00202774f01db2f9f0f601c1d279492426eff632582e42614a8ece8652f7cd7b6341");
        assertThat(Ja4.of(hello)).isEqualTo("t13d3111h2_e8f1e7e78f70_1f22a2ca17c4");
    }
}
