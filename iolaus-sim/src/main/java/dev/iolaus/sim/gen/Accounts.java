package dev.iolaus.sim.gen;

import dev.iolaus.model.AccountEvent;
import dev.iolaus.model.AccountEventType;
import dev.iolaus.model.Funding;
import dev.iolaus.model.Hashes;
import dev.iolaus.model.PaymentMethod;
import dev.iolaus.sim.scenario.Identity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/** Signup, verification and payment events of an account: emails, cards (shared when configured), claims. */
final class Accounts {
    private static final String[] FIRST = {"alex", "maria", "wei", "john", "priya", "carlos", "yuki", "fatima", "olga",
        "sam", "aisha", "tom", "lena", "raj", "mei", "david", "sofia", "ivan", "nina", "omar", "li", "emma", "lucas",
        "hana", "ali", "zoe", "chen", "mateo", "sara", "kenji"};
    private static final String[] LAST = {"smith", "garcia", "wang", "kumar", "mueller", "rossi", "tanaka", "silva",
        "nguyen", "kim", "novak", "cohen", "martin", "lopez", "zhang", "brown", "singh", "dubois", "jones", "park"};
    private static final Map<String, String[]> PERSONAL = Map.of(
            "us", new String[] {"gmail.com", "gmail.com", "gmail.com", "outlook.com", "yahoo.com", "icloud.com", "proton.me"},
            "eu", new String[] {"gmail.com", "gmail.com", "outlook.com", "gmx.de", "web.de", "orange.fr", "proton.me", "icloud.com"},
            "asia", new String[] {"gmail.com", "gmail.com", "qq.com", "163.com", "naver.com", "yahoo.co.jp", "outlook.com"},
            "latam", new String[] {"gmail.com", "gmail.com", "hotmail.com", "outlook.com", "yahoo.com.br"});
    private static final String[] THROWAWAY = {"proton.me", "tutanota.com", "outlook.com", "163.com", "gmx.com",
        "mail.com", "yandex.com", "hotmail.com"};
    private static final String[] UNIS = {"stanford.edu", "mit.edu", "berkeley.edu", "ox.ac.uk", "tum.de", "ethz.ch",
        "tsinghua.edu.cn", "u-tokyo.ac.jp", "iitb.ac.in", "usp.br", "utoronto.ca", "nus.edu.sg", "umich.edu", "kaist.ac.kr"};
    private static final String[] CO = {"acme", "northwind", "globex", "initech", "hooli", "vandelay", "piedpiper",
        "contoso", "fabrikam", "tailspin", "wideworld", "adatum", "litware", "proseware", "lucerne", "margie"};
    private static final Map<String, String[]> COUNTRIES = Map.of("us", new String[] {"US", "US", "US", "CA"},
            "eu", new String[] {"DE", "FR", "GB", "ES", "IT", "NL", "PL"},
            "asia", new String[] {"IN", "JP", "SG", "KR", "HK", "CN", "TW"},
            "latam", new String[] {"BR", "MX", "AR", "CL", "CO"});
    private static final String[] CREDIT = {"414720", "426684", "438857", "455021", "476173", "491644", "520082",
        "524364", "531106", "542418", "546616", "552433", "400022", "411600", "448590", "453245", "377935", "371449"};
    private static final String[] DEBIT = {"400344", "407166", "422327", "434256", "440066", "457173", "483312",
        "511332", "516732", "535522", "492181", "465901"};
    private static final String[] PREPAID = {"403446", "423223", "435880", "451015", "485340", "530133", "537810", "559666"};
    private static final String[] VIRTUAL = {"404038", "428837", "485246", "493698", "536845", "556150"};

    private Accounts() {
    }

    /** Country code for a region. */
    static String country(String region, SplittableRandom r) {
        String[] c = COUNTRIES.getOrDefault(region, COUNTRIES.get("us"));
        return c[r.nextInt(c.length)];
    }

    /**
     * Builds the actor's lifecycle events from {@code createdMs}.
     *
     * @param ordinal the actor's position in its group (for shared cards, bursts and sequential emails)
     * @param seed run seed (card fingerprints differ between runs)
     */
    static void lifecycle(Actor a, long createdMs, int ordinal, long seed) {
        SplittableRandom r = a.rng;
        Identity id = a.group.pop.identity();
        a.createdMs = createdMs;
        String country = country(a.region, r);
        String[] email = email(a, ordinal, r);
        List<String> claims = new ArrayList<>();
        for (Map.Entry<String, Double> e : new java.util.TreeMap<>(id.programme()).entrySet()) {
            if (r.nextDouble() < e.getValue()) {
                claims.add(e.getKey());
            }
        }
        String signupIp = a.ips[0];
        int n = 0;
        a.lifecycle.add(new AccountEvent("a-" + a.key + "-" + n++, Instant.ofEpochMilli(createdMs), a.id,
                AccountEventType.CREATED, Hashes.textHash(email[0]), email[1], signupIp, country, claims, null, "free"));
        long t = createdMs;
        if (r.nextDouble() < id.verified()) {
            t += 30_000 + (long) a.exp(15 * 60_000.0);
            a.lifecycle.add(new AccountEvent("a-" + a.key + "-" + n++, Instant.ofEpochMilli(t), a.id,
                    AccountEventType.VERIFIED, null, null, null, null, List.of(), null, null));
        }
        if (r.nextDouble() < id.paid()) {
            t += 60_000 + (long) a.exp(r.nextDouble() < 0.8 ? 3_600_000.0 : 3 * 86_400_000.0);
            a.lifecycle.add(new AccountEvent("a-" + a.key + "-" + n, Instant.ofEpochMilli(t), a.id,
                    AccountEventType.PAYMENT_METHOD_ADDED, null, null, null, null, List.of(),
                    card(a, ordinal / id.accountsPerCard(), seed), "pay-as-you-go"));
        }
    }

    /** The normalised email and its domain. */
    private static String[] email(Actor a, int ordinal, SplittableRandom r) {
        String style = a.group.email.pick(r);
        String first = FIRST[r.nextInt(FIRST.length)];
        String last = LAST[r.nextInt(LAST.length)];
        String groupCo = CO[a.group.canonical % CO.length] + (a.group.canonical % 7 == 0 ? "-labs" : "") + ".com";
        String domain;
        String local;
        switch (style) {
            case "personal" -> {
                String[] d = PERSONAL.getOrDefault(a.region, PERSONAL.get("us"));
                domain = d[r.nextInt(d.length)];
                local = first + (r.nextBoolean() ? "." + last : "") + (r.nextDouble() < 0.6 ? String.valueOf(r.nextInt(1, 9999)) : "");
            }
            case "work" -> {
                // corporate archetypes share their employer's domain; others work at many companies
                domain = a.group.campaign || a.group.pop.network().sharedPool() > 0 ? groupCo
                        : CO[r.nextInt(CO.length)] + "-" + LAST[r.nextInt(LAST.length)] + ".com";
                local = first + "." + last;
            }
            case "edu" -> {
                domain = a.group.pop.network().sharedPool() > 0 ? UNIS[a.group.canonical % UNIS.length]
                        : UNIS[r.nextInt(UNIS.length)];
                local = first.charAt(0) + last + r.nextInt(10, 99);
            }
            case "alias" -> {
                // plus-addressing on a few mailboxes: normalisation strips the tag, so the hashes repeat
                domain = "gmail.com";
                local = FIRST[(a.group.canonical + ordinal / 20) % FIRST.length] + "dev" + (a.group.canonical % 1000);
            }
            case "sequential" -> {
                domain = THROWAWAY[a.group.canonical % THROWAWAY.length];
                local = FIRST[a.group.canonical % FIRST.length] + LAST[a.group.canonical % LAST.length] + (100 + ordinal);
            }
            case "random" -> {
                domain = THROWAWAY[r.nextInt(THROWAWAY.length)];
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < 10; i++) {
                    sb.append((char) ('a' + r.nextInt(26)));
                }
                local = sb.toString();
            }
            default -> throw new IllegalArgumentException("unknown email style '" + style
                    + "' (expected personal, work, edu, alias, sequential or random)");
        }
        return new String[] {(local + "@" + domain).toLowerCase(Locale.ROOT), domain};
    }

    private static PaymentMethod card(Actor a, int cardIndex, long seed) {
        String fp = Hashes.textHash("card:" + seed + ":" + a.group.index + ":" + a.group.pop.name() + ":" + cardIndex);
        // the card's own generator: every account sharing it sees the same BIN and country
        SplittableRandom r = new SplittableRandom(Long.parseUnsignedLong(fp, 16));
        String f = a.group.funding.pick(r);
        String[] bins;
        Funding funding;
        switch (f) {
            case "credit" -> { bins = CREDIT; funding = Funding.CREDIT; }
            case "debit" -> { bins = DEBIT; funding = Funding.DEBIT; }
            case "prepaid" -> { bins = PREPAID; funding = Funding.PREPAID; }
            case "virtual" -> { bins = VIRTUAL; funding = Funding.CREDIT; }
            default -> throw new IllegalArgumentException("unknown funding '" + f
                    + "' (expected credit, debit, prepaid or virtual)");
        }
        String cc = a.group.cardCountry.pick(r);
        String issuing = cc.equals("local") ? country(a.region, r) : cc;
        return new PaymentMethod(fp, bins[r.nextInt(bins.length)], funding, issuing,
                r.nextDouble() < 0.9 ? issuing : country(a.region, r));
    }
}
