package io.driftwatch.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A fake org's Opportunity records, deterministic (fixed seed), in Salesforce's JSON encodings
 * (VENDORS.md §2.6): currency as a number, dates as {@code YYYY-MM-DD}, datetimes as {@code
 * 2026-05-20T20:49:32.000+0000}, 18-character ids, null for empty nillable fields. About 40% are
 * Closed Won, each with an Amount and an {@code External_Id__c}. The relationship {@code Account} is
 * stored as {@code {"Name": ...}}; the query handler adds {@code attributes} when projecting.
 *
 * <p>Billing lines up with QuickBooks ({@link QboInvoices}): each invoice bills the opportunity that
 * closed the day it is dated, which is Closed Won with the invoice's {@code TotalAmt} as {@code Amount} and
 * its external id. Within the invoices' window (plus a margin) no other opportunity is won, so every
 * closed-won opportunity there has exactly one invoice; older ones are won as before and never billed.
 */
final class SfOpportunities {
    static final String ORG_ID = "00D5g000004SbXyEAK";
    static final String USER_ID = "0055g00000BcDeFAAV";
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'+0000'");

    private static final String[] ACCOUNTS = {
        "Edge Communications", "Burlington Textiles Corp of America", "Pyramid Construction Inc.",
        "Dickenson plc", "Grand Hotels & Resorts Ltd", "United Oil & Gas Corp.",
        "Express Logistics and Transport", "University of Arizona", "GenePoint"
    };
    private static final String[] OPEN_STAGES = {
        "Prospecting", "Qualification", "Needs Analysis", "Proposal/Price Quote", "Negotiation/Review"
    };
    private static final int[] OPEN_PROBABILITY = {10, 10, 20, 75, 90};
    private static final String[] SOURCES = {"Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other"};

    /** Every field a query may name, in the order records list them. */
    static final List<String> FIELDS = List.of(
            "Id",
            "Name",
            "AccountId",
            "StageName",
            "Amount",
            "Probability",
            "CloseDate",
            "Type",
            "LeadSource",
            "IsClosed",
            "IsWon",
            "ForecastCategoryName",
            "External_Id__c",
            "CreatedDate",
            "LastModifiedDate",
            "Account");

    private SfOpportunities() {}

    /** {@code count} opportunities; those closed within the {@code invoiceCount} invoices' window are billed. */
    static List<ObjectNode> generate(int count, int invoiceCount, LocalDate today) {
        var random = new Random(65_000L);
        var out = new ArrayList<ObjectNode>(count);
        Map<Integer, ObjectNode> billed = billed(count, invoiceCount);
        long window = QboInvoices.daysBack(0, invoiceCount) + 2L * QboInvoices.WINDOW_MARGIN_DAYS;
        for (int i = 0; i < count; i++) {
            int account = i % ACCOUNTS.length;
            int kind = i % 5;
            ObjectNode invoice = billed.get(i);
            boolean recent = (count - 1L - i) / 3 <= window;
            boolean wonByKind = kind == 0 || kind == 3;
            boolean won = recent ? invoice != null : wonByKind;
            boolean lost = kind == 1 && invoice == null;
            LocalDate close = today.minusDays((count - 1L - i) / 3);
            ObjectNode o = Json.object();
            o.put("Id", id("0065g00000", i));
            o.put("Name", ACCOUNTS[account] + " - " + (won ? "Renewal " : "Expansion ") + (1000 + i));
            o.put("AccountId", id("0015g00000", account));
            String stage = won ? "Closed Won" : lost ? "Closed Lost" : OPEN_STAGES[i % OPEN_STAGES.length];
            o.put("StageName", stage);
            // Draw as if unbilled so the amounts of every other record stay the same.
            BigDecimal drawn = !wonByKind && i % 17 == 2
                    ? null
                    : BigDecimal.valueOf(100_000L + random.nextInt(9_000_000)).movePointLeft(2);
            if (invoice != null) o.set("Amount", invoice.get("TotalAmt"));
            else if (!won && i % 17 == 2) o.putNull("Amount");
            else o.put("Amount", drawn);
            o.put("Probability", won ? 100 : lost ? 0 : OPEN_PROBABILITY[i % OPEN_STAGES.length]);
            o.put("CloseDate", close.toString());
            o.put("Type", i % 3 == 0 ? "New Customer" : "Existing Customer - Upgrade");
            o.put("LeadSource", SOURCES[i % SOURCES.length]);
            o.put("IsClosed", won || lost);
            o.put("IsWon", won);
            o.put("ForecastCategoryName", won ? "Closed" : lost ? "Omitted" : "Pipeline");
            if (invoice != null) o.put("External_Id__c", externalIdOf(invoice));
            else if (won) o.put("External_Id__c", "INV-" + (100_000 + i));
            else o.putNull("External_Id__c");
            o.put("CreatedDate", DATETIME.format(close.minusDays(30).atTime(10, i % 60, i % 59)));
            o.put("LastModifiedDate", DATETIME.format(close.atTime(16, i % 60, i % 57)));
            o.putObject("Account").put("Name", ACCOUNTS[account]);
            out.add(o);
        }
        return out;
    }

    /** Opportunity index to the invoice billing it: invoice j bills the first opportunity closed that day. */
    private static Map<Integer, ObjectNode> billed(int count, int invoiceCount) {
        List<ObjectNode> invoices = QboInvoices.generate(invoiceCount, LocalDate.EPOCH);
        Map<Integer, ObjectNode> out = new HashMap<>();
        for (int j = 0; j < invoiceCount; j++) {
            long opportunity = count - 1L - 3 * QboInvoices.daysBack(j, invoiceCount);
            if (opportunity >= 0) out.put((int) opportunity, invoices.get(j));
        }
        return out;
    }

    private static String externalIdOf(ObjectNode invoice) {
        for (var field : invoice.get("CustomField")) {
            if (field.path("Name").asText().equals("External Id"))
                return field.get("StringValue").asText();
        }
        throw new IllegalStateException("invoice without an External Id");
    }

    /** An 18-character Salesforce id: 15 characters plus the case-safe checksum suffix. */
    static String id(String prefix10, int n) {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        var tail = new StringBuilder();
        int v = n;
        for (int k = 0; k < 5; k++) {
            tail.insert(0, alphabet.charAt(v % 62));
            v /= 62;
        }
        String base = prefix10 + tail;
        String suffixAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
        var suffix = new StringBuilder();
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int j = 0; j < 5; j++) {
                char c = base.charAt(chunk * 5 + j);
                if (c >= 'A' && c <= 'Z') bits |= 1 << j;
            }
            suffix.append(suffixAlphabet.charAt(bits));
        }
        return base + suffix;
    }
}
