/**
 * Runtime wiring around the detection core: file ingestion for the embedded engine, the retro-hunt
 * ({@code iolaus analyze}), campaign reports (Markdown, HTML, JSON) and the STIX 2.1 export.
 */
package dev.iolaus.server;
