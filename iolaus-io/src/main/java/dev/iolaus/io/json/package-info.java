/**
 * Event files: hand-written streaming JSON codecs of the four record types ({@link dev.iolaus.io.json.EventCodecs}),
 * a deterministic JSONL writer with parallel gzip ({@link dev.iolaus.io.json.JsonlWriter}) and a strict streaming
 * reader that quarantines invalid lines ({@link dev.iolaus.io.json.JsonlReader}). Format: {@code docs/events.md}.
 */
package dev.iolaus.io.json;
