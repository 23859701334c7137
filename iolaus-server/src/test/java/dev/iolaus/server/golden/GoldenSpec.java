package dev.iolaus.server.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A golden folder's {@code expected.yaml}: the detector to run and the findings it must produce.
 *
 * @param behaviour folder name
 * @param description what the input models
 * @param detector detector name in {@link dev.iolaus.detect.Detectors}
 * @param policy policy file relative to the folder, or null for the shipped default
 * @param campaigns campaigns that must be found
 * @param blocked accounts that must get an enforced account-scope block
 * @param cauterized accounts that must be blocked on or before their first request
 * @param notFlagged accounts that must get no finding, no campaign membership and no decision
 */
record GoldenSpec(String behaviour, String description, String detector, String policy,
                  List<ExpectedCampaign> campaigns, AccountSet blocked, AccountSet cauterized, AccountSet notFlagged) {
    static final YAMLMapper YAML = new YAMLMapper();

    /**
     * An expected campaign: some campaign found must hold at least {@code minRecall} of these accounts.
     *
     * @param name the campaign's name in the simulator truth
     * @param minRecall share of the accounts one found campaign must hold
     * @param accounts the campaign's active accounts
     */
    record ExpectedCampaign(String name, double minRecall, List<String> accounts) {
    }

    /**
     * A set of accounts and the share of it that must (or, for not-flagged, may at most) meet the check.
     *
     * @param share min_share, or max_share for {@code not_flagged}
     * @param accounts the accounts
     */
    record AccountSet(double share, List<String> accounts) {
        static final AccountSet NONE = new AccountSet(0, List.of());
    }

    static GoldenSpec load(Path folder) {
        JsonNode n;
        try {
            n = YAML.readTree(folder.resolve("expected.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder.resolve("expected.yaml"), e);
        }
        List<ExpectedCampaign> campaigns = new ArrayList<>();
        for (JsonNode c : n.path("campaigns")) {
            campaigns.add(new ExpectedCampaign(c.path("name").asText(), c.path("min_recall").asDouble(1.0),
                    strings(c.path("accounts"))));
        }
        return new GoldenSpec(folder.getFileName().toString(), n.path("description").asText(""),
                n.path("detector").asText("iolaus"), n.hasNonNull("policy") ? n.get("policy").asText() : null,
                campaigns, set(n.path("blocked"), "min_share"), set(n.path("cauterized"), "min_share"),
                set(n.path("not_flagged"), "max_share"));
    }

    private static AccountSet set(JsonNode n, String shareKey) {
        if (n.isMissingNode() || n.isNull()) {
            return AccountSet.NONE;
        }
        return new AccountSet(n.path(shareKey).asDouble(shareKey.equals("min_share") ? 1.0 : 0.0),
                strings(n.path("accounts")));
    }

    private static List<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(x -> out.add(x.asText()));
        return out;
    }
}
