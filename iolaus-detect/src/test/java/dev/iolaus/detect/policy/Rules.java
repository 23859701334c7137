package dev.iolaus.detect.policy;

import java.util.Map;
import java.util.Set;

/** Small builders of cauterize settings and attributes for the cauterizer's tests. */
final class Rules {
    static final StrongAttribute BURST = new StrongAttribute(StrongAttribute.SIGNUP_BURST, "t@100");
    static final StrongAttribute NETWORK = new StrongAttribute(StrongAttribute.SIGNUP_NETWORK, "203.0.113.0/24");
    static final StrongAttribute DOMAIN = new StrongAttribute(StrongAttribute.EMAIL_DOMAIN, "example.cn");
    static final StrongAttribute CLIENT = new StrongAttribute(StrongAttribute.CLIENT_FINGERPRINT, "h1/ua1");

    private Rules() {
    }

    /** Settings with these link rules; two members per value (one for cards), half the carriers. */
    static CauterizeSettings settings(String... rules) {
        return new CauterizeSettings(true, null, Set.of(rules), 0.5,
                Map.of("default", 2, StrongAttribute.PAYMENT_FINGERPRINT, 1), 3.0, 1000);
    }

    /** A cauterizer with these rules that has blocked campaign {@code id}, whose two members carry {@code values}. */
    static Cauterizer blocked(Cauterizer c, String id, StrongAttribute... values) {
        Map<StrongAttribute, Integer> counts = new java.util.HashMap<>();
        for (StrongAttribute v : values) {
            c.observe(v);
            c.observe(v);
            counts.put(v, 2);
        }
        c.block(id, "iolaus", 0.95, counts, 2, Long.MAX_VALUE, false);
        return c;
    }
}
