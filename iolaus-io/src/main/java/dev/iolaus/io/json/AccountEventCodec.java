package dev.iolaus.io.json;

import static dev.iolaus.io.json.Fields.missing;
import static dev.iolaus.io.json.InteractionCodec.optional;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.iolaus.model.AccountEvent;
import dev.iolaus.model.AccountEventType;
import dev.iolaus.model.Funding;
import dev.iolaus.model.PaymentMethod;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/** JSON codec of {@link AccountEvent}; field list and rules in {@code docs/events.md}. */
final class AccountEventCodec implements JsonCodec<AccountEvent> {

    @Override
    public String typeName() {
        return "account";
    }

    @Override
    public void write(JsonGenerator g, AccountEvent v) throws IOException {
        g.writeStartObject();
        g.writeStringField("event_id", v.eventId());
        g.writeStringField("time", Rfc3339.format(v.time()));
        g.writeStringField("account_id", v.accountId());
        g.writeStringField("type", v.type().wire());
        optional(g, "email_hash", v.emailHash());
        optional(g, "email_domain", v.emailDomain());
        optional(g, "signup_ip", v.signupIp());
        optional(g, "country", v.country());
        if (!v.programmeClaims().isEmpty()) {
            g.writeArrayFieldStart("programme_claims");
            for (String s : v.programmeClaims()) {
                g.writeString(s);
            }
            g.writeEndArray();
        }
        PaymentMethod pm = v.payment();
        if (pm != null) {
            if (pm.fingerprintHash() == null) {
                throw new IllegalArgumentException("account event " + v.eventId() + ": payment without fingerprint_hash");
            }
            g.writeObjectFieldStart("payment");
            g.writeStringField("fingerprint_hash", pm.fingerprintHash());
            optional(g, "bin", pm.bin());
            if (pm.funding() != null) {
                g.writeStringField("funding", pm.funding().wire());
            }
            optional(g, "issuing_country", pm.issuingCountry());
            optional(g, "billing_country", pm.billingCountry());
            g.writeEndObject();
        }
        optional(g, "plan", v.plan());
        g.writeEndObject();
    }

    @Override
    public AccountEvent read(JsonParser p) throws IOException {
        String eventId = null;
        Instant time = null;
        String accountId = null;
        AccountEventType type = null;
        String emailHash = null;
        String emailDomain = null;
        String signupIp = null;
        String country = null;
        List<String> claims = null;
        PaymentMethod payment = null;
        String plan = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "event_id" -> eventId = Fields.string(p, f);
                case "time" -> time = Fields.time(p, f);
                case "account_id" -> accountId = Fields.string(p, f);
                case "type" -> type = Fields.wire(Fields.string(p, f), f, AccountEventType::fromWire);
                case "email_hash" -> emailHash = Fields.string(p, f);
                case "email_domain" -> emailDomain = Fields.string(p, f);
                case "signup_ip" -> signupIp = Fields.string(p, f);
                case "country" -> country = Fields.string(p, f);
                case "programme_claims" -> claims = Fields.strings(p, f);
                case "payment" -> payment = readPayment(p);
                case "plan" -> plan = Fields.string(p, f);
                default -> throw Fields.unknown(f);
            }
        }
        if (eventId == null) {
            throw missing("event_id");
        }
        if (time == null) {
            throw missing("time");
        }
        if (accountId == null) {
            throw missing("account_id");
        }
        if (type == null) {
            throw missing("type");
        }
        return new AccountEvent(eventId, time, accountId, type, emailHash, emailDomain, signupIp, country, claims,
                payment, plan);
    }

    private static PaymentMethod readPayment(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        Fields.requireObject(p, "payment");
        String fp = null;
        String bin = null;
        Funding funding = null;
        String issuing = null;
        String billing = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "fingerprint_hash" -> fp = Fields.string(p, "payment.fingerprint_hash");
                case "bin" -> bin = Fields.string(p, "payment.bin");
                case "funding" -> funding = Fields.wire(Fields.string(p, "payment.funding"), "payment.funding",
                        Funding::fromWire);
                case "issuing_country" -> issuing = Fields.string(p, "payment.issuing_country");
                case "billing_country" -> billing = Fields.string(p, "payment.billing_country");
                default -> throw Fields.unknown("payment." + f);
            }
        }
        if (fp == null) {
            throw missing("payment.fingerprint_hash");
        }
        return new PaymentMethod(fp, bin, funding, issuing, billing);
    }
}
