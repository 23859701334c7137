package dev.iolaus.detect.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ASN ranges from CSV (plain or gzip, quoted names, unsorted rows, IPv6) are found by address. */
class AsnTableTest {
    @TempDir
    Path dir;

    private static final String CSV = String.join("\n",
            "1.0.4.0,1.0.7.255,38803,Gtelecom Pty Ltd",
            "1.0.0.0,1.0.0.255,13335,\"Cloudflare, Inc.\"",
            "2.26.200.0,2.26.215.255,201907,\"LLC \"\"SPUTNIK\"\"\"",
            "2001:db8::,2001:db8:ffff:ffff:ffff:ffff:ffff:ffff,64500,Example v6",
            "");

    @Test
    void gzipCsv_loaded_findsAsnAndOrgByAddress() throws Exception {
        Path f = dir.resolve("asn.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write(CSV.getBytes(StandardCharsets.UTF_8));
        }
        AsnTable t = AsnTable.load(f);
        assertThat(t.ipv4Ranges()).isEqualTo(3);
        assertThat(t.asnOfIpv4(IpAddresses.parseIpv4("1.0.0.1"))).isEqualTo(13335);
        assertThat(t.orgOfIpv4(IpAddresses.parseIpv4("1.0.0.255"))).isEqualTo("Cloudflare, Inc.");
        assertThat(t.asnOfIpv4(IpAddresses.parseIpv4("1.0.5.5"))).isEqualTo(38803);
        assertThat(t.orgOfIpv4(IpAddresses.parseIpv4("2.26.210.1"))).isEqualTo("LLC \"SPUTNIK\"");
        assertThat(t.asnOfIpv4(IpAddresses.parseIpv4("1.0.1.0"))).isZero();
        assertThat(t.asnOfIpv4(IpAddresses.parseIpv4("0.255.255.255"))).isZero();
        long[] a = new long[2];
        IpAddresses.parseIpv6("2001:db8:1::5", a);
        assertThat(t.ipv6Asn(t.indexOfIpv6(a[0], a[1]))).isEqualTo(64500);
    }

    @Test
    void malformedRow_loaded_errorNamesFileAndLine() throws Exception {
        Path f = dir.resolve("asn.csv");
        Files.writeString(f, "1.0.0.0,1.0.0.255,13335,ok\n1.0.1.0,1.0.1.255,AS12,bad\n");
        assertThatThrownBy(() -> AsnTable.load(f)).hasMessageContaining("asn.csv:2").hasMessageContaining("bad ASN");
    }
}
