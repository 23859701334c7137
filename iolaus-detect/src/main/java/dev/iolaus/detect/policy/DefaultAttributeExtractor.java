package dev.iolaus.detect.policy;

import dev.iolaus.model.AccountEvent;
import dev.iolaus.model.AccountEventType;
import dev.iolaus.model.Interaction;
import dev.iolaus.model.Message;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Strong attributes read straight from raw events, with no detector features: payment fingerprint, email domain,
 * signup network ({@code /24} or {@code /48} of the signup address), signup burst (that network and the hour of
 * signup) and signup minute (the five-minute slot of signup, from anywhere) (account events), client fingerprint
 * (header-order hash with user agent, or JA4) and system-prompt hash (interactions).
 *
 * <p>None of these is trusted on its own: the {@link Cauterizer} registers a value only when it is (nearly)
 * exclusive to the blocked campaign, so the official SDK's fingerprint or a common system prompt never links.
 * Not thread-safe (it memoises client fingerprints): one instance per engine.
 */
public final class DefaultAttributeExtractor implements AttributeExtractor {
    private static final long HOUR_MS = 3_600_000L;
    private static final int MEMO_MAX = 8192;
    private final Map<String, Map<String, StrongAttribute>> memo = new HashMap<>();
    private int memoSize;
    private static final long BURST_MS = 300_000L;

    /**
     * The client fingerprint of a header order and user agent, memoised: a deployment sees a few hundred SDK builds,
     * so most requests find theirs here without building a string (the memo is cleared if it ever grows large).
     */
    private StrongAttribute clientFingerprint(String hoh, String ua) {
        Map<String, StrongAttribute> byUa = memo.get(hoh);
        StrongAttribute a = byUa == null ? null : byUa.get(ua);
        if (a == null) {
            if (memoSize >= MEMO_MAX) {
                memo.clear();
                memoSize = 0;
            }
            // A 32-bit hash of the user agent is enough to tell SDK versions apart.
            a = new StrongAttribute(StrongAttribute.CLIENT_FINGERPRINT, hoh + "/" + Integer.toHexString(ua.hashCode()));
            memo.computeIfAbsent(hoh, k -> new HashMap<>()).put(ua, a);
            memoSize++;
        }
        return a;
    }

    @Override
    public void fromAccountEvent(AccountEvent e, Consumer<StrongAttribute> out) {
        if (e.payment() != null && e.payment().fingerprintHash() != null) {
            out.accept(new StrongAttribute(StrongAttribute.PAYMENT_FINGERPRINT, e.payment().fingerprintHash()));
        }
        if (e.type() == AccountEventType.CREATED) {
            // The same network in the same hour (a burst), and the same five minutes from anywhere (proxies; but on a
            // service with a few signups an hour, every burst also catches a stranger now and then: policy pairs it).
            String prefix = Cidrs.prefix(e.signupIp(), 24);
            if (prefix != null) {
                out.accept(new StrongAttribute(StrongAttribute.SIGNUP_BURST, prefix + "@" + e.timeMs() / HOUR_MS));
            }
            out.accept(new StrongAttribute(StrongAttribute.SIGNUP_MINUTE, "t@" + e.timeMs() / BURST_MS));
            if (prefix != null) {
                out.accept(new StrongAttribute(StrongAttribute.SIGNUP_NETWORK, prefix));
            }
        }
        if (e.emailDomain() != null && !e.emailDomain().isEmpty()) {
            out.accept(new StrongAttribute(StrongAttribute.EMAIL_DOMAIN, e.emailDomain().toLowerCase(Locale.ROOT)));
        }
    }

    @Override
    public void fromInteraction(Interaction i, Consumer<StrongAttribute> out) {
        String hoh = i.client().headerOrderHash();
        if (hoh != null) {
            out.accept(clientFingerprint(hoh, i.userAgent() == null ? "" : i.userAgent()));
        } else if (i.client().ja4() != null) {
            out.accept(new StrongAttribute(StrongAttribute.CLIENT_FINGERPRINT, "ja4:" + i.client().ja4()));
        }
        Message system = i.systemMessage();
        if (system != null && system.length() > 0) {
            out.accept(new StrongAttribute(StrongAttribute.SYSTEM_PROMPT, system.textHash()));
        }
    }
}
