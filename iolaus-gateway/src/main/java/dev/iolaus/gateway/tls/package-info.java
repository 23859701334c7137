/**
 * TLS client fingerprints: the JA4 of each connection's ClientHello, read as the gateway terminates TLS.
 *
 * <p>{@link dev.iolaus.gateway.tls.Ja4} is the pure function (bytes or parsed {@link dev.iolaus.gateway.tls.ClientHello}
 * to JA4 string); {@link dev.iolaus.gateway.tls.Ja4EngineOptions} plugs it into Vert.x through its public
 * {@code SslContextFactory} SPI, and {@link dev.iolaus.gateway.tls.Ja4Session#ja4Of} reads a request's value.
 */
package dev.iolaus.gateway.tls;
