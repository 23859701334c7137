package dev.iolaus.detect.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the default extractor reads from a signup: card, email domain, network, burst and minute. */
class SignupAttributesTest {

    @Test
    void signup_yieldsCardDomainNetworkBurstAndMinute() {
        List<StrongAttribute> out = new ArrayList<>();
        new DefaultAttributeExtractor().fromAccountEvent(Fixtures.created("a1", 0, "198.51.100.7", "card-1"), out::add);

        assertThat(out).extracting(StrongAttribute::kind).containsExactlyInAnyOrder(
                StrongAttribute.PAYMENT_FINGERPRINT, StrongAttribute.SIGNUP_BURST, StrongAttribute.SIGNUP_MINUTE,
                StrongAttribute.SIGNUP_NETWORK, StrongAttribute.EMAIL_DOMAIN);
        assertThat(out).contains(new StrongAttribute(StrongAttribute.SIGNUP_NETWORK, "198.51.100.0/24"),
                new StrongAttribute(StrongAttribute.EMAIL_DOMAIN, "example.com"));
    }
}
