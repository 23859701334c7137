package dev.iolaus.sim.scenario;

import java.util.Map;

/**
 * How a population's accounts sign up and pay.
 *
 * @param email email style and weights: {@code personal} (gmail-like), {@code work} (a company domain),
 *              {@code edu} (a university domain), {@code alias} (plus-addressing on one mailbox),
 *              {@code sequential} (name + number), {@code random} (random local part on a throwaway domain)
 * @param accountsPerCard accounts sharing one payment fingerprint (families, teams, card farms)
 * @param funding card funding types and weights ({@code credit}, {@code debit}, {@code prepaid}); {@code virtual}
 *                means a virtual card (issued as credit by a fintech BIN)
 * @param cardCountry issuing countries and weights ({@code local} = the account's region)
 * @param programme programme claims ({@code education}, {@code startup}, {@code research}) and probabilities
 * @param createdFromDay earliest signup, days from the window start (negative = before)
 * @param createdToDay latest signup, days from the window start
 * @param recent share of accounts created in the last 30 days before {@code createdToDay} (growth)
 * @param burst accounts created together in one signup burst (minutes apart); 1 = independent signups
 * @param verified probability the account verified its email or phone
 * @param paid probability the account added a payment method
 */
public record Identity(Map<String, Double> email, Integer accountsPerCard, Map<String, Double> funding,
                       Map<String, Double> cardCountry, Map<String, Double> programme, Double createdFromDay,
                       Double createdToDay, Double recent, Integer burst, Double verified, Double paid) {
    /** Ordinary signups over the last two years. */
    public static final Identity DEFAULT = new Identity(null, null, null, null, null, null, null, null, null, null, null);

    public Identity {
        email = email == null || email.isEmpty() ? Map.of("personal", 0.75, "work", 0.2, "edu", 0.05) : Map.copyOf(email);
        accountsPerCard = accountsPerCard == null ? 1 : Math.max(1, accountsPerCard);
        funding = funding == null || funding.isEmpty() ? Map.of("credit", 0.7, "debit", 0.27, "prepaid", 0.03)
                : Map.copyOf(funding);
        cardCountry = cardCountry == null || cardCountry.isEmpty() ? Map.of("local", 1.0) : Map.copyOf(cardCountry);
        programme = programme == null ? Map.of() : Map.copyOf(programme);
        createdFromDay = Population.nz(createdFromDay, -730);
        createdToDay = Population.nz(createdToDay, 0);
        recent = Population.nz(recent, 0.3);
        burst = burst == null ? 1 : Math.max(1, burst);
        verified = Population.nz(verified, 0.9);
        paid = Population.nz(paid, 0.85);
    }
}
