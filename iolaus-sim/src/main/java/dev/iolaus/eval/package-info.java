/**
 * {@code iolaus eval}: replays one event stream through every detector with enforcement in the loop, and scores them
 * side by side (account precision/recall/F1/FPR, PR curves, time to detect, leakage, campaign purity, throughput,
 * heap) into {@code report.json}, {@code report.md} and {@code report.html}. See {@code docs/eval.md}.
 */
package dev.iolaus.eval;
