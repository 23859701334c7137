/**
 * A thin Apache Flink adapter that runs one {@code iolaus-detect} detector in event time.
 *
 * <p>Flink only moves events, orders them by watermark and fires timers; every line of detection logic stays in
 * {@code iolaus-detect}, so a Flink job and the in-process engine give the same answers on the same stream.
 */
package dev.iolaus.flink;
