package dev.iolaus.gateway.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iolaus.gateway.capture.RequestInfo;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;

/**
 * Step 4: prepares what capture needs from the response. An OpenAI stream whose client did not ask for usage is
 * sent upstream with {@code stream_options.include_usage} added, and the proxy then strips the extra usage chunk
 * (and the {@code "usage":null} fields) from what the client receives. Recording itself is not a step: the
 * {@link Recorder} observes every exchange when it ends, whichever step answered it.
 */
final class Capture implements Interceptor {

    @Override
    public void handle(Exchange ex) {
        if (ex.endpoint.openAiUsageOptIn() && mentionsStream(ex)) {
            RequestInfo info = ex.info();
            if (info.stream() && !info.includeUsage() && info.json() instanceof ObjectNode root) {
                try {
                    ObjectNode copy = root.deepCopy();
                    ObjectNode so = copy.has("stream_options") && copy.get("stream_options").isObject()
                            ? (ObjectNode) copy.get("stream_options") : copy.putObject("stream_options");
                    so.put("include_usage", true);
                    ex.upstreamBody = Buffer.buffer(RequestInfo.JSON.writeValueAsBytes(copy));
                    ex.stripUsage = true;
                } catch (IOException e) {
                    // Cannot happen for a tree we parsed; the client's body goes as is.
                }
            }
        }
        ex.proceed();
    }

    /** Cheap pre-check: a body without the bytes {@code "stream"} cannot ask for a stream, so it is not parsed here. */
    private static boolean mentionsStream(Exchange ex) {
        byte[] b = ex.bodyBytes();
        if (b == null) {
            return false;
        }
        return dev.iolaus.gateway.capture.SseTap.indexOf(b, 0, b.length, STREAM) >= 0;
    }

    private static final byte[] STREAM = "\"stream\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
}
