package dev.iolaus.gateway.http;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.transport.Transport;
import java.util.Locale;

/**
 * Creates the gateway's Vert.x instance on the best network transport the machine offers: io_uring where the
 * kernel allows it, else epoll, else Java NIO.
 *
 * <p>Why io_uring first: at saturation on 2 shared cores the proxy is CPU-bound in the kernel and in Netty, and
 * io_uring batches the reads and writes of every connection into one submission per event-loop turn instead of a
 * system call each; measured A/B it cost a tenth to a fifth less CPU per proxied call than epoll
 * (docs/benchmarks.md, "Gateway capacity"). Kernels or sandboxes that refuse io_uring (older than 5.14,
 * {@code kernel.io_uring_disabled}, Docker's default seccomp profile) make it unavailable and the gateway runs on
 * epoll. The system property
 * {@value #PROPERTY} ({@code io_uring}, {@code epoll}, {@code nio}) forces a transport; a forced transport that is
 * unavailable is an error that says why.
 */
final class EventLoops {
    /** System property forcing a transport. */
    static final String PROPERTY = "iolaus.transport";

    private EventLoops() {
    }

    /** A Vert.x instance and the name of the transport it runs on. */
    record Started(Vertx vertx, String transport) {
    }

    /** Starts Vert.x with {@code options} on the chosen transport. */
    static Started start(VertxOptions options) {
        String wanted = System.getProperty(PROPERTY, "auto").strip().toLowerCase(Locale.ROOT);
        return switch (wanted) {
            case "auto", "" -> {
                if (usable(Transport.IO_URING)) {
                    yield on(options, Transport.IO_URING, "io_uring");
                }
                if (usable(Transport.EPOLL)) {
                    yield on(options, Transport.EPOLL, "epoll");
                }
                Vertx v = Vertx.vertx(options.setPreferNativeTransport(true));
                yield new Started(v, v.isNativeTransportEnabled() ? "native" : "nio");
            }
            case "io_uring" -> forced(options, Transport.IO_URING, "io_uring");
            case "epoll" -> forced(options, Transport.EPOLL, "epoll");
            case "nio" -> new Started(Vertx.vertx(options.setPreferNativeTransport(false)), "nio");
            default -> throw new IllegalArgumentException("-D" + PROPERTY + " must be io_uring, epoll or nio, was '"
                    + wanted + "'");
        };
    }

    private static boolean usable(Transport t) {
        return t != null && t.available();
    }

    private static Started forced(VertxOptions options, Transport t, String name) {
        if (!usable(t)) {
            Throwable why = t == null ? null : t.unavailabilityCause();
            throw new IllegalStateException("-D" + PROPERTY + "=" + name + " but " + name + " is not available here"
                    + (why == null ? "" : ": " + why.getMessage()), why);
        }
        return on(options, t, name);
    }

    private static Started on(VertxOptions options, Transport t, String name) {
        return new Started(Vertx.builder().with(options).withTransport(t).build(), name);
    }
}
