package dev.iolaus.gateway.tls;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds ClientHello bytes for tests: handshake message and TLS records, extensions in the order added. */
final class HelloBuilder {
    private int legacyVersion = 0x0303;
    private int[] ciphers = {0x1301};
    private final List<byte[]> extensions = new ArrayList<>();

    HelloBuilder legacyVersion(int v) {
        legacyVersion = v;
        return this;
    }

    HelloBuilder ciphers(int... codes) {
        ciphers = codes;
        return this;
    }

    /** An extension with empty data. */
    HelloBuilder ext(int type) {
        return ext(type, new byte[0]);
    }

    HelloBuilder ext(int type, byte[] data) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        u16(o, type);
        u16(o, data.length);
        o.writeBytes(data);
        extensions.add(o.toByteArray());
        return this;
    }

    HelloBuilder sni(String host) {
        byte[] name = host.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        u16(o, name.length + 3);
        o.write(0);
        u16(o, name.length);
        o.writeBytes(name);
        return ext(0x0000, o.toByteArray());
    }

    HelloBuilder alpn(String... protocols) {
        ByteArrayOutputStream list = new ByteArrayOutputStream();
        for (String p : protocols) {
            byte[] b = p.getBytes(StandardCharsets.ISO_8859_1);
            list.write(b.length);
            list.writeBytes(b);
        }
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        u16(o, list.size());
        o.writeBytes(list.toByteArray());
        return ext(0x0010, o.toByteArray());
    }

    HelloBuilder supportedVersions(int... versions) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(versions.length * 2);
        for (int v : versions) {
            u16(o, v);
        }
        return ext(0x002b, o.toByteArray());
    }

    HelloBuilder signatureAlgorithms(int... algs) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        u16(o, algs.length * 2);
        for (int a : algs) {
            u16(o, a);
        }
        return ext(0x000d, o.toByteArray());
    }

    /** The handshake message: type 1, 3-byte length, body. */
    byte[] message() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        u16(body, legacyVersion);
        body.writeBytes(new byte[32]);          // random
        body.write(32);                         // session id, as TLS 1.3 clients send one
        body.writeBytes(new byte[32]);
        u16(body, ciphers.length * 2);
        for (int c : ciphers) {
            u16(body, c);
        }
        body.write(1);                          // compression methods: null
        body.write(0);
        ByteArrayOutputStream exts = new ByteArrayOutputStream();
        extensions.forEach(exts::writeBytes);
        u16(body, exts.size());
        body.writeBytes(exts.toByteArray());
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.write(1);
        m.write(body.size() >> 16);
        u16(m, body.size() & 0xffff);
        m.writeBytes(body.toByteArray());
        return m.toByteArray();
    }

    /** The message in one TLS record. */
    byte[] record() {
        return records(Integer.MAX_VALUE);
    }

    /** The message split into TLS records of at most {@code maxFragment} bytes each. */
    byte[] records(int maxFragment) {
        byte[] m = message();
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (int p = 0; p < m.length; p += maxFragment) {
            int n = Math.min(maxFragment, m.length - p);
            o.write(0x16);
            u16(o, 0x0301);
            u16(o, n);
            o.write(m, p, n);
        }
        return o.toByteArray();
    }

    private static void u16(ByteArrayOutputStream o, int v) {
        o.write((v >> 8) & 0xff);
        o.write(v & 0xff);
    }
}
