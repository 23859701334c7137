package dev.iolaus.sim;

import dev.iolaus.model.AccountEvent;
import dev.iolaus.model.AccountEventType;
import dev.iolaus.model.Interaction;
import dev.iolaus.model.Message;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * How well one raw field alone separates attack accounts from benign ones: for each field, the AUC of the best
 * one-field rule at account level. A realistic scenario keeps every field at or below {@link #THRESHOLD}.
 *
 * <p>Per account, categorical fields (user agent, ASN, model, max_tokens, hour of day) take the account's most
 * frequent value, and numeric ones (temperature, prompt length, account age) the mean. A numeric field scores
 * max(AUC, 1 - AUC) of the value. A categorical field ranks accounts by the attack rate of their category,
 * estimated on the other half of the accounts (two-fold cross-fitting, smoothed toward the overall rate): with
 * in-sample rates, any field with many rare values (an ASN, a user agent version) would look perfectly separating
 * by memorising labels, which says nothing about the scenario. Feed events with {@link #accept}, then call
 * {@link #result}.
 */
public final class Separability {
    /** Highest AUC a standard scenario may show on any single field. */
    public static final double THRESHOLD = 0.85;
    /** The fields, in report order. */
    public static final List<String> FIELDS = List.of("user_agent", "asn", "model", "max_tokens", "temperature",
            "prompt_length", "hour_of_day", "account_age");

    private final ToIntFunction<String> asnOf;
    private final Map<String, Acc> accounts = new HashMap<>();
    private final Map<String, Long> created = new HashMap<>();

    private static final class Acc {
        final Map<String, int[]> ua = new HashMap<>();
        final Map<Integer, int[]> asn = new HashMap<>();
        final Map<String, int[]> model = new HashMap<>();
        final Map<Integer, int[]> maxTokens = new HashMap<>();
        final int[] hours = new int[24];
        double temp;
        double len;
        double age;
        long ageN;
        long n;
    }

    /** A check that maps client addresses to ASNs with the given function (0 = unknown). */
    public Separability(ToIntFunction<String> asnOf) {
        this.asnOf = asnOf;
    }

    /** A check using the default IP data (the ipintel directory when present, else built-in ranges). */
    public static Separability withDefaultIpData() {
        return new Separability(Simulator.ipCatalog(null)::asnOf);
    }

    /** Drains a source and returns field to AUC. */
    public static Map<String, Double> of(EventSource src) {
        Separability s = withDefaultIpData();
        for (SimEvent e; (e = src.next()) != null; ) {
            s.accept(e);
        }
        return s.result(src.truth());
    }

    /** Takes one event into account. */
    public void accept(SimEvent e) {
        switch (e) {
            case SimEvent.Lifecycle l -> {
                AccountEvent ev = l.event();
                if (ev.type() == AccountEventType.CREATED) {
                    created.putIfAbsent(ev.accountId(), ev.timeMs());
                }
            }
            case SimEvent.Call c -> accept(c.interaction());
        }
    }

    /** Takes one interaction into account. */
    public void accept(Interaction i) {
        Acc a = accounts.computeIfAbsent(i.accountId(), k -> new Acc());
        a.n++;
        a.ua.computeIfAbsent(String.valueOf(i.userAgent()), k -> new int[1])[0]++;
        a.asn.computeIfAbsent(asnOf.applyAsInt(i.clientIp()), k -> new int[1])[0]++;
        a.model.computeIfAbsent(i.model(), k -> new int[1])[0]++;
        Integer mt = i.params().maxTokens();
        a.maxTokens.computeIfAbsent(mt == null ? -1 : mt, k -> new int[1])[0]++;
        Double t = i.params().temperature();
        a.temp += t == null ? 1.0 : t; // providers default to 1.0 when none is sent
        int len = 0;
        for (Message m : i.messages()) {
            len += m.length();
        }
        a.len += len;
        a.hours[(int) Math.floorMod(Math.floorDiv(i.timeMs(), 3_600_000L), 24L)]++;
        Long c = created.get(i.accountId());
        if (c != null) {
            a.age += (i.timeMs() - c) / 86_400_000.0;
            a.ageN++;
        }
    }

    /** Field to AUC (empty when the truth has no attack or no benign account with traffic). */
    public Map<String, Double> result(Truth truth) {
        List<String> ids = new ArrayList<>(accounts.keySet());
        ids.sort(null);
        List<String> keep = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (String id : ids) {
            Truth.AccountTruth t = truth.accounts().get(id);
            if (t != null) {
                keep.add(id);
                labels.add(t.attacker());
            }
        }
        boolean[] y = new boolean[keep.size()];
        int pos = 0;
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.get(i);
            pos += y[i] ? 1 : 0;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        if (pos == 0 || pos == y.length) {
            return out;
        }
        int n = keep.size();
        String[] ua = new String[n];
        String[] asn = new String[n];
        String[] model = new String[n];
        String[] mt = new String[n];
        String[] hour = new String[n];
        double[] temp = new double[n];
        double[] len = new double[n];
        double[] age = new double[n];
        for (int i = 0; i < n; i++) {
            Acc a = accounts.get(keep.get(i));
            ua[i] = mode(a.ua);
            asn[i] = mode(a.asn);
            model[i] = mode(a.model);
            mt[i] = mode(a.maxTokens);
            int best = 0;
            for (int h = 1; h < 24; h++) {
                best = a.hours[h] > a.hours[best] ? h : best;
            }
            hour[i] = String.valueOf(best);
            temp[i] = a.temp / a.n;
            len[i] = a.len / a.n;
            age[i] = a.ageN == 0 ? 0 : a.age / a.ageN;
        }
        out.put("user_agent", categorical(keep, ua, y));
        out.put("asn", categorical(keep, asn, y));
        out.put("model", categorical(keep, model, y));
        out.put("max_tokens", categorical(keep, mt, y));
        out.put("temperature", numeric(temp, y));
        out.put("prompt_length", numeric(len, y));
        out.put("hour_of_day", categorical(keep, hour, y));
        out.put("account_age", numeric(age, y));
        return out;
    }

    private static <K extends Comparable<K>> String mode(Map<K, int[]> counts) {
        K best = null;
        int bc = -1;
        for (Map.Entry<K, int[]> e : counts.entrySet()) {
            int c = e.getValue()[0];
            if (c > bc || c == bc && e.getKey().compareTo(best) < 0) {
                best = e.getKey();
                bc = c;
            }
        }
        return String.valueOf(best);
    }

    static double numeric(double[] x, boolean[] y) {
        double auc = auc(x, y);
        return Math.max(auc, 1 - auc);
    }

    static double categorical(List<String> ids, String[] cat, boolean[] y) {
        int n = cat.length;
        int[] fold = new int[n];
        double prior = 0;
        for (int i = 0; i < n; i++) {
            fold[i] = (Integer.rotateLeft(ids.get(i).hashCode() * 0x9E3779B9, 7) >>> 31);
            prior += y[i] ? 1 : 0;
        }
        prior /= n;
        double[] score = new double[n];
        for (int f = 0; f < 2; f++) {
            Map<String, double[]> stats = new HashMap<>();
            for (int i = 0; i < n; i++) {
                if (fold[i] != f) {
                    double[] s = stats.computeIfAbsent(cat[i], k -> new double[2]);
                    s[0] += y[i] ? 1 : 0;
                    s[1]++;
                }
            }
            for (int i = 0; i < n; i++) {
                if (fold[i] == f) {
                    double[] s = stats.get(cat[i]);
                    score[i] = s == null ? prior : (s[0] + 2 * prior) / (s[1] + 2);
                }
            }
        }
        return Math.max(0.5, auc(score, y));
    }

    /** Mann-Whitney AUC of scores for positives above negatives, ties counted half. */
    static double auc(double[] x, boolean[] y) {
        int n = x.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
        double rankSumPos = 0;
        long pos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && x[order[j + 1]] == x[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (y[order[k]]) {
                    rankSumPos += rank;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = n - pos;
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }
}
