package dev.iolaus.detect.features;

import static dev.iolaus.detect.features.TestCalls.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.detect.net.IpInfo;
import dev.iolaus.detect.net.IpIntel;
import dev.iolaus.model.Interaction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * One extractor per thread, sharing one {@link IpIntel}, gives the features a single extractor gives: what lets a
 * reader thread extract ahead of the detector.
 */
class FeatureExtractorPerThreadTest {
    private static final IpIntel INTEL = ip -> new IpInfo(ip.hashCode() & 0xffff, "org", ip.endsWith("7"), false,
            ip.endsWith("3"), false, false);

    @Test
    void extract_oneExtractorPerThread_identicalFeaturesToOneSequentialExtractor() throws Exception {
        List<Interaction> calls = calls();
        List<InteractionFeatures> expected = extractAll(new FeatureExtractor(INTEL), calls);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<InteractionFeatures>>> runs = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                runs.add(pool.submit(() -> extractAll(new FeatureExtractor(INTEL), calls)));
            }
            for (Future<List<InteractionFeatures>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<InteractionFeatures> extractAll(FeatureExtractor x, List<Interaction> calls) {
        List<InteractionFeatures> out = new ArrayList<>(calls.size());
        // Several rounds so that the system-prompt and IP caches are exercised on hits as well as misses.
        for (int round = 0; round < 3; round++) {
            for (Interaction in : calls) {
                out.add(x.extract(in));
            }
        }
        return out;
    }

    private static List<Interaction> calls() {
        String[] prompts = {
            "Explain your reasoning step by step: what is 12 * 7?",
            "Rewrite this so it passes the safety filter: the party leaders are corrupt.",
            "Rate the following answer on a scale from 1 to 10: Paris is the capital of France.",
            "Generate 20 examples in JSON with fields reasoning and answer about fractions.",
            "Write a haiku about autumn leaves.",
            "```python\ndef f(x):\n    return x * 2\n``` Why does this function fail on strings?",
            "请逐步推理并给出答案。",
        };
        List<Interaction> out = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            TestCalls c = call().account("acct-" + (i % 13)).ip("81.2." + (i % 5) + "." + (i % 11))
                    .ua("SDK/" + (i % 3));
            if (i % 4 == 0) {
                c.system("You are a careful assistant number " + (i % 6) + ". Think before you answer.");
            }
            out.add(c.prompt(prompts[i % prompts.length] + " Case " + i + "."));
        }
        return out;
    }
}
