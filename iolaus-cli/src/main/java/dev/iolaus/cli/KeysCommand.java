package dev.iolaus.cli;

import dev.iolaus.gateway.keys.ApiKey;
import dev.iolaus.gateway.keys.KeyStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code iolaus keys}: issues, lists and revokes the gateway's API keys (stored as hashes in the data directory). */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Issues, lists and revokes API keys (stored only as hashes in DATA_DIR/keys.json).",
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
final class KeysCommand implements Runnable {
    @Override
    public void run() {
        picocli.CommandLine.usage(this, System.out);
    }

    /** Shared option. */
    static class DataDir {
        @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
                description = "Data directory shared with 'serve' (default ./data).")
        Path dir;
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Issues a key. The key is printed once, alone on the last line of standard output.")
    static final class Create implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        DataDir data = new DataDir();

        @Option(names = "--account", required = true, description = "Account the key belongs to.")
        String account;

        @Option(names = "--org", description = "Organisation.")
        String org;

        @Option(names = "--expires", paramLabel = "WHEN",
                description = "Expiry: an ISO instant (2027-01-01T00:00:00Z) or a duration from now (30d, 12h, 90m).")
        String expires;

        @Option(names = "--allowed-cidrs", split = ",", paramLabel = "CIDR",
                description = "Networks the key may be used from, comma-separated (default: anywhere).")
        List<String> cidrs;

        @Option(names = "--rpm", description = "Requests per minute for this key (default: the configured limit).")
        Long rpm;

        @Option(names = "--tpm", description = "Tokens per minute for this key (default: the configured limit).")
        Long tpm;

        @Override
        public Integer call() {
            KeyStore.Issued k = new KeyStore(data.dir).create(account, org, parseExpiry(expires), cidrs, rpm, tpm);
            System.out.println("# key id " + k.key().id() + " for account " + account
                    + (k.key().expiresAt() == null ? "" : ", expires " + k.key().expiresAt())
                    + (k.key().allowedCidrs().isEmpty() ? "" : ", allowed from " + String.join(",", k.key().allowedCidrs())));
            System.out.println("# shown once; only its hash is stored in " + data.dir.resolve("keys.json"));
            System.out.println(k.secret());
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists keys (ids only, never secrets).")
    static final class ListKeys implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        DataDir data = new DataDir();

        @Override
        public Integer call() {
            long now = System.currentTimeMillis();
            System.out.printf("%-22s %-20s %-12s %-8s %-21s %-21s %s%n", "ID", "ACCOUNT", "ORG", "STATE", "CREATED",
                    "EXPIRES", "ALLOWED_CIDRS");
            for (ApiKey k : new KeyStore(data.dir).load()) {
                System.out.printf("%-22s %-20s %-12s %-8s %-21s %-21s %s%n", k.id(), k.account(),
                        k.org() == null ? "-" : k.org(), k.state(now), k.createdAt().toString().substring(0, 19) + "Z",
                        k.expiresAt() == null ? "-" : k.expiresAt(),
                        k.allowedCidrs().isEmpty() ? "-" : String.join(",", k.allowedCidrs()));
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revokes a key by id; a running gateway stops accepting it within a second.")
    static final class Revoke implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        DataDir data = new DataDir();

        @Parameters(paramLabel = "KEY_ID", description = "The key id (key_...), as shown by 'iolaus keys list'.")
        String id;

        @Override
        public Integer call() {
            ApiKey k = new KeyStore(data.dir).revoke(id);
            System.out.println("revoked " + k.id() + " (account " + k.account() + ") at " + k.revokedAt());
            return 0;
        }
    }

    static Instant parseExpiry(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        if (t.matches("\\d+[dhms]")) {
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            Duration d = switch (t.charAt(t.length() - 1)) {
                case 'd' -> Duration.ofDays(n);
                case 'h' -> Duration.ofHours(n);
                case 'm' -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            };
            return Instant.now().plus(d);
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--expires: expected an ISO instant like 2027-01-01T00:00:00Z or a "
                    + "duration like 30d, 12h, 90m; got '" + s + "'");
        }
    }
}
