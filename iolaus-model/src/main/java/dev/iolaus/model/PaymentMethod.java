package dev.iolaus.model;

/**
 * A payment method as the billing system describes it; never a card number.
 *
 * @param fingerprintHash hash of the processor's card fingerprint
 * @param bin first 6 to 8 digits (BIN/IIN)
 * @param funding credit, debit or prepaid
 * @param issuingCountry ISO 3166 alpha-2 country of the issuer
 * @param billingCountry ISO 3166 alpha-2 country of the billing address
 */
public record PaymentMethod(String fingerprintHash, String bin, Funding funding, String issuingCountry,
                            String billingCountry) {
}
