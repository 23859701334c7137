package dev.iolaus.eval;

import dev.iolaus.io.json.EventCodecs;
import dev.iolaus.io.json.JsonlReader;
import dev.iolaus.io.json.Quarantine;
import dev.iolaus.io.json.ReadStats;
import dev.iolaus.model.AccountEvent;
import dev.iolaus.model.Interaction;
import dev.iolaus.sim.EventSource;
import dev.iolaus.sim.SimEvent;
import dev.iolaus.sim.SimulationWriter;
import dev.iolaus.sim.Truth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Replays the output of {@code iolaus simulate} ({@code interactions.jsonl.gz}, {@code accounts.jsonl.gz},
 * {@code truth.json}) as an event source, merging the two files by event time (account events first on ties).
 *
 * <p>A file cannot react to enforcement: a blocked account's later events are dropped and no reserve activates, so
 * leakage measured on a replay is an upper bound on what the live simulator would give. Invalid lines go to the
 * quarantine; events out of time order stop the run with the line number, since watermarks would be wrong.
 */
final class ReplaySource implements EventSource {
    private final JsonlReader<Interaction> calls;
    private final JsonlReader<AccountEvent> accounts;
    private final Truth truth;
    private final Set<String> blocked = new HashSet<>();
    private Interaction nextCall;
    private AccountEvent nextAccount;
    private long lastCall = Long.MIN_VALUE;
    private long lastAccount = Long.MIN_VALUE;

    ReplaySource(Path dir, Truth truth, Quarantine quarantine) {
        Path i = dir.resolve(SimulationWriter.INTERACTIONS);
        if (!Files.isRegularFile(i)) {
            throw new IllegalArgumentException("--events " + dir + ": no " + SimulationWriter.INTERACTIONS
                    + " (expected the output directory of 'iolaus simulate')");
        }
        this.truth = truth;
        this.calls = JsonlReader.open(i, EventCodecs.INTERACTION, quarantine);
        Path a = dir.resolve(SimulationWriter.ACCOUNTS);
        this.accounts = Files.isRegularFile(a) ? JsonlReader.open(a, EventCodecs.ACCOUNT_EVENT, quarantine) : null;
        nextCall = readCall();
        nextAccount = readAccount();
    }

    /** Reads {@code truth.json} of a simulate output directory. */
    static Truth truthOf(Path dir) {
        Path t = dir.resolve(SimulationWriter.TRUTH);
        if (!Files.isRegularFile(t)) {
            throw new IllegalArgumentException("--events " + dir + ": no " + SimulationWriter.TRUTH
                    + " (labels are needed to score detectors)");
        }
        return SimulationWriter.readTruth(t);
    }

    private Interaction readCall() {
        Interaction i = calls.next();
        if (i != null) {
            if (i.timeMs() < lastCall) {
                throw new IllegalArgumentException(SimulationWriter.INTERACTIONS + " line " + calls.lineNumber()
                        + ": event time goes backwards (" + i.time() + "); replay needs time order");
            }
            lastCall = i.timeMs();
        }
        return i;
    }

    private AccountEvent readAccount() {
        AccountEvent e = accounts == null ? null : accounts.next();
        if (e != null) {
            if (e.timeMs() < lastAccount) {
                throw new IllegalArgumentException(SimulationWriter.ACCOUNTS + " line " + accounts.lineNumber()
                        + ": event time goes backwards (" + e.time() + "); replay needs time order");
            }
            lastAccount = e.timeMs();
        }
        return e;
    }

    @Override
    public SimEvent next() {
        while (nextCall != null || nextAccount != null) {
            SimEvent e;
            String account;
            if (nextAccount != null && (nextCall == null || nextAccount.timeMs() <= nextCall.timeMs())) {
                e = new SimEvent.Lifecycle(nextAccount);
                account = nextAccount.accountId();
                nextAccount = readAccount();
            } else {
                e = new SimEvent.Call(nextCall);
                account = nextCall.accountId();
                nextCall = readCall();
            }
            if (!blocked.contains(account)) {
                return e;
            }
        }
        return null;
    }

    @Override
    public void onBlocked(String accountId, long timeMs) {
        blocked.add(accountId);
    }

    @Override
    public Truth truth() {
        return truth;
    }

    /** Lines read, accepted and quarantined so far, both files together. */
    ReadStats stats() {
        return accounts == null ? calls.stats() : calls.stats().plus(accounts.stats());
    }

    @Override
    public void close() {
        calls.close();
        if (accounts != null) {
            accounts.close();
        }
    }
}
