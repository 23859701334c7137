package dev.iolaus.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.VertxOptions;
import io.vertx.core.transport.Transport;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The transport is io_uring, else epoll, else NIO unless forced; a bad or unavailable forced choice is a clear error. */
class EventLoopsTransportTest {

    @AfterEach
    void clear() {
        System.clearProperty(EventLoops.PROPERTY);
    }

    private static String startAndClose() throws Exception {
        EventLoops.Started s = EventLoops.start(new VertxOptions().setEventLoopPoolSize(1));
        try {
            return s.transport();
        } finally {
            s.vertx().close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void start_auto_picksIoUringElseEpollElseNio() throws Exception {
        String expected = Transport.IO_URING != null && Transport.IO_URING.available() ? "io_uring"
                : Transport.EPOLL != null && Transport.EPOLL.available() ? "epoll" : null;
        String got = startAndClose();
        if (expected != null) {
            assertThat(got).isEqualTo(expected);
        } else {
            assertThat(got).isIn("native", "nio");
        }
    }

    @Test
    void start_forcedNio_runsOnNio() throws Exception {
        System.setProperty(EventLoops.PROPERTY, "nio");
        assertThat(startAndClose()).isEqualTo("nio");
    }

    @Test
    void start_forcedIoUring_runsOnIoUringOrSaysWhyNot() throws Exception {
        System.setProperty(EventLoops.PROPERTY, "io_uring");
        if (Transport.IO_URING != null && Transport.IO_URING.available()) {
            assertThat(startAndClose()).isEqualTo("io_uring");
        } else {
            assertThatThrownBy(EventLoopsTransportTest::startAndClose).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("io_uring is not available");
        }
    }

    @Test
    void start_unknownTransport_clearError() {
        System.setProperty(EventLoops.PROPERTY, "carrier-pigeon");
        assertThatThrownBy(() -> EventLoops.start(new VertxOptions())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("io_uring, epoll or nio").hasMessageContaining("carrier-pigeon");
    }
}
