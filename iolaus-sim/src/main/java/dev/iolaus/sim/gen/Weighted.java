package dev.iolaus.sim.gen;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A weighted choice among string values, in a fixed (sorted) order so that draws are reproducible whatever order
 * the YAML map had.
 */
final class Weighted {
    private final String[] values;
    private final double[] cum;

    Weighted(Map<String, Double> weights, String what) {
        TreeMap<String, Double> sorted = new TreeMap<>(weights);
        values = new String[sorted.size()];
        cum = new double[sorted.size()];
        double total = 0;
        int i = 0;
        for (Map.Entry<String, Double> e : sorted.entrySet()) {
            if (e.getValue() == null || e.getValue() < 0) {
                throw new IllegalArgumentException(what + " weight of '" + e.getKey() + "' must be >= 0");
            }
            total += e.getValue();
            values[i] = e.getKey();
            cum[i++] = total;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException(what + " needs at least one positive weight");
        }
        for (int j = 0; j < cum.length; j++) {
            cum[j] /= total;
        }
    }

    String pick(SplittableRandom r) {
        double u = r.nextDouble();
        for (int i = 0; i < cum.length; i++) {
            if (u < cum[i]) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    boolean isEmpty() {
        return values.length == 0;
    }

    String[] values() {
        return values.clone();
    }
}
