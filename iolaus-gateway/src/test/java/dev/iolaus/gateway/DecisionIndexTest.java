package dev.iolaus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.gateway.enforce.DecisionIndex;
import dev.iolaus.model.Action;
import dev.iolaus.model.Decision;
import dev.iolaus.model.Scope;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The decision index returns the strongest active non-shadow decision over every scope, an end user's sub-account
 * ({@code account~end user}) included for the requests that name that end user.
 */
class DecisionIndexTest {
    private static final long NOW = 1_800_000_000_000L;

    private static Decision d(String id, Scope s, String v, Action a) {
        return new Decision(id, s, v, a, "r", null, "t", 0.5, Instant.ofEpochMilli(NOW - 1000),
                Instant.ofEpochMilli(NOW + 60_000), false);
    }

    @Test
    void cidrDecisions_matchByPrefixLength_v4AndV6() {
        DecisionIndex idx = new DecisionIndex();
        idx.accept(d("a", Scope.CIDR, "203.0.113.0/24", Action.THROTTLE));
        idx.accept(d("b", Scope.CIDR, "2001:db8::/32", Action.BLOCK));
        assertThat(idx.lookup("x", "k", "203.0.113.77", NOW).id()).isEqualTo("a");
        assertThat(idx.lookup("x", "k", "203.0.114.1", NOW)).isNull();
        assertThat(idx.lookup("x", "k", "2001:db8:1::5", NOW).id()).isEqualTo("b");
    }

    @Test
    void severalScopes_strongestActionWins() {
        DecisionIndex idx = new DecisionIndex();
        idx.accept(d("flag", Scope.ACCOUNT, "acct", Action.FLAG));
        idx.accept(d("thr", Scope.IP, "10.1.2.3", Action.THROTTLE));
        idx.linkPayment("acct", "pf-1");
        idx.accept(d("blk", Scope.PAYMENT_FINGERPRINT, "pf-1", Action.BLOCK));
        assertThat(idx.lookup("acct", "k", "10.1.2.3", NOW).id()).isEqualTo("blk");
        idx.revoke("blk");
        assertThat(idx.lookup("acct", "k", "10.1.2.3", NOW).id()).isEqualTo("thr");
    }

    @Test
    void sameIdAgain_replacesDecision() {
        DecisionIndex idx = new DecisionIndex();
        idx.accept(d("x", Scope.API_KEY, "key_1", Action.BLOCK));
        idx.accept(d("x", Scope.API_KEY, "key_1", Action.FLAG));
        assertThat(idx.lookup(null, "key_1", null, NOW).action()).isEqualTo(Action.FLAG);
        assertThat(idx.size()).isEqualTo(1);
    }

    @Test
    void notYetActiveOrExpired_ignored() {
        DecisionIndex idx = new DecisionIndex();
        idx.accept(d("x", Scope.ACCOUNT, "a", Action.BLOCK));
        assertThat(idx.lookup("a", null, null, NOW - 5_000)).isNull();
        assertThat(idx.lookup("a", null, null, NOW + 61_000)).isNull();
        assertThat(idx.lookup("a", null, null, NOW)).isNotNull();
    }

    @Test
    void subAccountBlock_onlyRequestsNamingThatEndUser() {
        DecisionIndex idx = new DecisionIndex();
        idx.accept(d("eu", Scope.ACCOUNT, "acct~eu1", Action.BLOCK));
        assertThat(idx.lookup("acct", "eu1", "k", "10.0.0.1", NOW).id()).isEqualTo("eu");
        assertThat(idx.lookup("acct", "eu2", "k", "10.0.0.1", NOW)).isNull();
        assertThat(idx.lookup("acct", null, "k", "10.0.0.1", NOW)).isNull();
        assertThat(idx.lookup("acct", "k", "10.0.0.1", NOW)).isNull();
        assertThat(idx.lookup("other", "eu1", "k", "10.0.0.1", NOW)).isNull();
        assertThat(idx.lookupShadow("acct", "eu1", "k", "10.0.0.1", NOW)).isNull();
    }

    @Test
    void subAccountAndHostDecisions_strongestWinsForTheEndUser() {
        DecisionIndex idx = new DecisionIndex();
        idx.accept(d("host", Scope.ACCOUNT, "acct", Action.THROTTLE));
        idx.accept(d("eu", Scope.ACCOUNT, "acct~eu1", Action.FLAG));
        assertThat(idx.lookup("acct", "eu1", null, null, NOW).id()).isEqualTo("host");
        idx.accept(d("eu", Scope.ACCOUNT, "acct~eu1", Action.BLOCK));
        assertThat(idx.lookup("acct", "eu1", null, null, NOW).id()).isEqualTo("eu");
        assertThat(idx.lookup("acct", "eu2", null, null, NOW).id()).isEqualTo("host");
    }

    @Test
    void endUserIdWithSeparator_splitAtTheFirstOne() {
        DecisionIndex idx = new DecisionIndex();
        idx.accept(d("eu", Scope.ACCOUNT, "acct~team~7", Action.BLOCK));
        assertThat(idx.lookup("acct", "team~7", null, null, NOW).id()).isEqualTo("eu");
        assertThat(idx.lookup("acct", "team", null, null, NOW)).isNull();
    }

    @Test
    void subAccountDecisions_revoked_accountNoLongerHasEndUserDecisions() {
        DecisionIndex idx = new DecisionIndex();
        assertThat(idx.hasEndUserDecisions("acct")).isFalse();
        idx.accept(d("eu1", Scope.ACCOUNT, "acct~eu1", Action.BLOCK));
        idx.accept(new Decision("eu2", Scope.ACCOUNT, "acct~eu2", Action.BLOCK, "r", null, "t", 0.5,
                Instant.ofEpochMilli(NOW - 1000), null, true));
        idx.accept(d("host", Scope.ACCOUNT, "other", Action.BLOCK));
        assertThat(idx.hasEndUserDecisions("acct")).isTrue();
        assertThat(idx.hasEndUserDecisions("other")).isFalse();
        assertThat(idx.hasEndUserDecisions(null)).isFalse();
        assertThat(idx.lookupShadow("acct", "eu2", null, null, NOW).id()).isEqualTo("eu2");
        idx.revoke("eu1");
        assertThat(idx.hasEndUserDecisions("acct")).isTrue();
        idx.revoke("eu2");
        assertThat(idx.hasEndUserDecisions("acct")).isFalse();
        assertThat(idx.lookup("acct", "eu1", null, null, NOW)).isNull();
    }
}
