package dev.iolaus.gateway.http;

/**
 * One step of the request chain. A step either answers the exchange ({@link Exchange#reject}) or calls
 * {@link Exchange#proceed()} to pass it on; it never blocks.
 */
@FunctionalInterface
public interface Interceptor {

    /** Handles the exchange: reject it, or proceed. */
    void handle(Exchange ex);
}
