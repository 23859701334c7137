package dev.iolaus.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Each JA4 rule on hand-built hellos, the expected parts derived step by step here (hashes recomputed with the
 * JDK's SHA-256 from the spec's string forms, not taken from the code under test).
 */
class Ja4FieldsTest {

    @Test
    void ja4_greaseEverywhere_isIgnored() {
        String plain = Ja4.of(new HelloBuilder().ciphers(0x1301, 0x1302).sni("a.example").ext(0x0017)
                .supportedVersions(0x0304).signatureAlgorithms(0x0403, 0x0804).record());
        String greased = Ja4.of(new HelloBuilder().ciphers(0x0a0a, 0x1301, 0xfafa, 0x1302).ext(0x2a2a)
                .sni("a.example").ext(0x0017).ext(0xbaba, new byte[] {1, 2})
                .supportedVersions(0xcaca, 0x0304).signatureAlgorithms(0x0403, 0x6a6a, 0x0804).record());
        assertThat(greased).isEqualTo(plain);
        // 2 ciphers; extensions 0000, 0017, 002b, 000d = 4; sorted without SNI: 000d,0017,002b then sig algs.
        assertThat(plain).isEqualTo("t13d020400_" + sha12("1301,1302") + "_" + sha12("000d,0017,002b_0403,0804"));
    }

    @Test
    void ja4_ciphersAndExtensionsInAnyOrder_giveTheSameHashes() {
        String a = Ja4.of(new HelloBuilder().ciphers(0xc02b, 0x002f, 0x1301).ext(0x0023).ext(0x000a).ext(0x0017)
                .record());
        String b = Ja4.of(new HelloBuilder().ciphers(0x1301, 0xc02b, 0x002f).ext(0x0017).ext(0x0023).ext(0x000a)
                .record());
        assertThat(a).isEqualTo(b).endsWith("_" + sha12("002f,1301,c02b") + "_" + sha12("000a,0017,0023"));
    }

    @Test
    void ja4_signatureAlgorithms_keepWireOrder() {
        String a = Ja4.of(new HelloBuilder().signatureAlgorithms(0x0804, 0x0403).record());
        String b = Ja4.of(new HelloBuilder().signatureAlgorithms(0x0403, 0x0804).record());
        assertThat(a).isNotEqualTo(b).endsWith("_" + sha12("000d_0804,0403"));
    }

    @Test
    void ja4_noSniNoAlpnNoSupportedVersions_usesIp00AndLegacyVersion() {
        String ja4 = Ja4.of(new HelloBuilder().legacyVersion(0x0303).ciphers(0xc02f).ext(0x000b).record());
        assertThat(ja4).isEqualTo("t12i010100_" + sha12("c02f") + "_" + sha12("000b"));
    }

    @Test
    void ja4_sniAndAlpn_areCountedButNotHashed() {
        String ja4 = Ja4.of(new HelloBuilder().ciphers(0x1301).sni("x.example").alpn("http/1.1").ext(0x0017)
                .record());
        assertThat(ja4).isEqualTo("t12d0103h1_" + sha12("1301") + "_" + sha12("0017"));
    }

    @Test
    void ja4_noExtensionsAtAll_hashesToZeros() {
        assertThat(Ja4.of(new HelloBuilder().ciphers(0x002f).record()))
                .isEqualTo("t12i010000_" + sha12("002f") + "_000000000000");
    }

    @Test
    void ja4_supportedVersions_takesTheHighest() {
        assertThat(Ja4.of(new HelloBuilder().supportedVersions(0x0303, 0x0304, 0x0302).record())).startsWith("t13");
        assertThat(Ja4.of(new HelloBuilder().legacyVersion(0x0301).record())).startsWith("t10");
        assertThat(Ja4.of(new HelloBuilder().legacyVersion(0x0300).record())).startsWith("ts3");
        assertThat(Ja4.of(new HelloBuilder().legacyVersion(0x0999).record())).startsWith("t00");
    }

    @Test
    void ja4_alpnFirstValue_givesFirstAndLastCharacter() {
        assertThat(Ja4.alpn("h2")).isEqualTo("h2");
        assertThat(Ja4.alpn("http/1.1")).isEqualTo("h1");
        assertThat(Ja4.alpn(null)).isEqualTo("00");
        assertThat(Ja4.alpn("h")).isEqualTo("h0");
        // Not alphanumeric at either end: first hex digit of the first byte, last hex digit of the last byte.
        assertThat(Ja4.alpn(new String(new byte[] {(byte) 0xab, (byte) 0xcd}, StandardCharsets.ISO_8859_1)))
                .isEqualTo("ad");
        assertThat(Ja4.alpn("0" + (char) 0xab)).isEqualTo("3b");
    }

    @Test
    void ja4_moreThan99Ciphers_countsAs99() {
        int[] many = new int[120];
        for (int i = 0; i < many.length; i++) {
            many[i] = 0x0100 + i;
        }
        assertThat(Ja4.of(new HelloBuilder().ciphers(many).record())).startsWith("t12i9900");
    }

    private static String sha12(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(d).substring(0, 12);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
