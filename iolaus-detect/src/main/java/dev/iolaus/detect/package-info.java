/**
 * The detection core: every line of detection logic, in pure Java, driven by event time.
 *
 * <p>Nothing here imports a framework, an HTTP server, a database or a file format library, and nothing reads the
 * wall clock: time comes from the events ({@link dev.iolaus.model.Interaction#time()}) and from watermarks, so the
 * embedded engine, the Flink job and the evaluation harness all run this same code and get the same answers.
 */
package dev.iolaus.detect;
