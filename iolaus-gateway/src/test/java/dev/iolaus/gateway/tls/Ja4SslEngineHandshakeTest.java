package dev.iolaus.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.gateway.TestCerts;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;

/**
 * The wrapping engine completes a real JDK TLS handshake in memory, computes the JA4 of exactly the hello the
 * client sent, exposes it through its session, and passes application data through unchanged.
 */
class Ja4SslEngineHandshakeTest {

    @Test
    void handshake_jdkClient_ja4OfTheClientsHelloOnTheSession() throws Exception {
        SSLEngine client = TestCerts.clientContext().createSSLEngine("localhost", 443);
        client.setUseClientMode(true);
        SSLParameters params = client.getSSLParameters();
        params.setServerNames(List.of(new SNIHostName("gateway.example")));
        client.setSSLParameters(params);
        Ja4SslEngine server = new Ja4SslEngine(TestCerts.serverContext().createSSLEngine());
        server.setUseClientMode(false);
        ByteArrayOutputStream clientFlight = new ByteArrayOutputStream();

        Pipe p = new Pipe(client, server, clientFlight);
        p.handshake();

        String expected = Ja4.of(clientFlight.toByteArray());
        assertThat(expected).startsWith("t13d");   // with SNI
        assertThat(server.ja4()).isEqualTo(expected);
        assertThat(Ja4Session.ja4Of(server.getSession())).isEqualTo(expected);
        assertThat(server.getSession().getProtocol()).isEqualTo(client.getSession().getProtocol());
        assertThat(p.echo("hello over tls")).isEqualTo("hello over tls");
    }

    @Test
    void session_beforeAnyHello_isThePlainSession() throws Exception {
        Ja4SslEngine server = new Ja4SslEngine(TestCerts.serverContext().createSSLEngine());
        assertThat(server.getSession()).isNotInstanceOf(Ja4Session.class);
        assertThat(Ja4Session.ja4Of(server.getSession())).isNull();
    }

    /** Two engines joined by in-memory buffers. */
    private static final class Pipe {
        private final SSLEngine client;
        private final SSLEngine server;
        private final ByteArrayOutputStream clientFirstFlight;
        private final ByteBuffer c2s = ByteBuffer.allocate(1 << 17);
        private final ByteBuffer s2c = ByteBuffer.allocate(1 << 17);
        private final ByteBuffer app = ByteBuffer.allocate(1 << 17);
        private boolean firstFlightTaken;

        Pipe(SSLEngine client, SSLEngine server, ByteArrayOutputStream clientFirstFlight) {
            this.client = client;
            this.server = server;
            this.clientFirstFlight = clientFirstFlight;
        }

        void handshake() throws SSLException {
            client.beginHandshake();
            server.beginHandshake();
            for (int i = 0; i < 200 && !(done(client) && done(server)); i++) {
                step(client, s2c, c2s, true);
                step(server, c2s, s2c, false);
            }
            assertThat(done(client) && done(server)).as("handshake finished").isTrue();
        }

        String echo(String text) throws SSLException {
            c2s.clear();
            client.wrap(ByteBuffer.wrap(text.getBytes()), c2s);
            c2s.flip();
            app.clear();
            while (c2s.hasRemaining()) {
                server.unwrap(c2s, app);
            }
            app.flip();
            byte[] b = new byte[app.remaining()];
            app.get(b);
            return new String(b);
        }

        private static boolean done(SSLEngine e) {
            HandshakeStatus s = e.getHandshakeStatus();
            return s == HandshakeStatus.NOT_HANDSHAKING || s == HandshakeStatus.FINISHED;
        }

        private void step(SSLEngine e, ByteBuffer in, ByteBuffer out, boolean isClient) throws SSLException {
            for (int guard = 0; guard < 20; guard++) {
                switch (e.getHandshakeStatus()) {
                    case NEED_WRAP -> {
                        int before = out.position();
                        e.wrap(ByteBuffer.allocate(0), out);
                        if (isClient && !firstFlightTaken) {
                            firstFlightTaken = true;
                            clientFirstFlight.write(out.array(), before, out.position() - before);
                        }
                    }
                    case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                        in.flip();
                        app.clear();
                        var r = e.unwrap(in, app);
                        in.compact();
                        if (r.bytesConsumed() == 0 && r.bytesProduced() == 0
                                && e.getHandshakeStatus() != HandshakeStatus.NEED_TASK
                                && e.getHandshakeStatus() != HandshakeStatus.NEED_WRAP) {
                            return;
                        }
                    }
                    case NEED_TASK -> {
                        Runnable t;
                        while ((t = e.getDelegatedTask()) != null) {
                            t.run();
                        }
                    }
                    default -> {
                        return;
                    }
                }
            }
        }
    }
}
