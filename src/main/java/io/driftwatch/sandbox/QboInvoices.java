package io.driftwatch.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A fake company's invoices, generated deterministically (fixed seed) relative to the sandbox's start
 * date. Each has sales-item lines ({@code Amount = UnitPrice × Qty}), a subtotal line duplicating their
 * sum, often a percent discount line (positive amount, subtracted) and tax on the discounted taxable
 * amount, so that {@code TotalAmt = Σ sales − Σ discount + TxnTaxDetail.TotalTax} holds exactly
 * (VENDORS.md §1.6). The first invoice is the "known invoice" the shipped probe reads.
 *
 * <p>Every invoice carries the external id of the Salesforce opportunity it bills ({@code External Id}
 * custom field, {@code INV-<DocNumber>}) and is dated the day that opportunity closed; its {@code TotalAmt}
 * is the opportunity's {@code Amount} (see {@link SfOpportunities}), so the shipped reconcile probe
 * passes on the normal data over the window {@link #reconcileSince}.
 */
final class QboInvoices {
    private static final BigDecimal TAX_PERCENT = new BigDecimal("8");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private record Item(String id, String name, String price, boolean taxable, String account) {}

    private static final List<Item> ITEMS = List.of(
            new Item("4", "Design", "75", false, "Design income"),
            new Item("6", "Gardening", "25", true, "Landscaping Services"),
            new Item("10", "Pest Control", "35", true, "Pest Control Services"),
            new Item("5", "Rock Fountain", "275", true, "Sales of Product Income"),
            new Item("11", "Pump", "15.75", true, "Sales of Product Income"),
            new Item("8", "Installation", "50", false, "Installation"));

    private static final List<String[]> CUSTOMERS = List.of(
            new String[] {"1", "Amy's Bird Sanctuary", "4581 Finch St.", "Bayshore", "CA", "94326"},
            new String[] {"3", "Cool Cars", "65 Ocean Dr.", "Half Moon Bay", "CA", "94213"},
            new String[] {"8", "Dukes Basketball Camp", "25 Court St.", "Tucson", "AZ", "85719"},
            new String[] {"13", "Freeman Sporting Goods", "370 Easy St.", "Middlefield", "CA", "94482"},
            new String[] {"21", "Kookies by Kathy", "789 Sugar Lane", "Middlefield", "CA", "94303"},
            new String[] {"24", "Red Rock Diner", "500 Red Rock Rd.", "Bayshore", "CA", "94326"});

    /** Days kept free of unbilled closed-won opportunities around the oldest invoice, for time zone edges. */
    static final int WINDOW_MARGIN_DAYS = 5;

    private QboInvoices() {}

    /** How many days before {@code today} invoice {@code i} of {@code count} is dated. */
    static long daysBack(int i, int count) {
        return 2L * (count - 1 - i) + 1;
    }

    /** The external id invoice {@code i} carries, which its opportunity carries too. */
    static String externalId(int i) {
        return "INV-" + (1037 + i);
    }

    /** A start date for the reconcile window that holds every invoice and no unbilled opportunity. */
    static LocalDate reconcileSince(int count, LocalDate today) {
        return today.minusDays(daysBack(0, count) + WINDOW_MARGIN_DAYS);
    }

    /** {@code count} invoices, ids from 130 upward, the newest last; the first has a discount and tax. */
    static List<ObjectNode> generate(int count, LocalDate today) {
        var random = new Random(20_240_603L);
        var out = new ArrayList<ObjectNode>(count);
        for (int i = 0; i < count; i++) {
            out.add(invoice(i, today.minusDays(daysBack(i, count)), random));
        }
        return out;
    }

    private static ObjectNode invoice(int i, LocalDate txnDate, Random random) {
        String[] customer = CUSTOMERS.get(i % CUSTOMERS.size());
        ArrayNode lines = Json.array();
        int lineCount = i == 0 ? 3 : 1 + random.nextInt(3);
        BigDecimal subtotal = BigDecimal.ZERO.setScale(2);
        BigDecimal taxable = BigDecimal.ZERO.setScale(2);
        for (int n = 0; n < lineCount; n++) {
            Item item = i == 0 ? ITEMS.get(n) : ITEMS.get(random.nextInt(ITEMS.size()));
            int qty = 1 + random.nextInt(i == 0 ? 3 : 8);
            BigDecimal price = new BigDecimal(item.price());
            BigDecimal amount = price.multiply(BigDecimal.valueOf(qty)).setScale(2, RoundingMode.HALF_UP);
            subtotal = subtotal.add(amount);
            if (item.taxable()) taxable = taxable.add(amount);
            lines.add(salesLine(n + 1, item, qty, price, amount));
        }
        ObjectNode sub = lines.addObject();
        sub.put("Amount", subtotal);
        sub.put("DetailType", "SubTotalLineDetail");
        sub.putObject("SubTotalLineDetail");

        BigDecimal discount = BigDecimal.ZERO.setScale(2);
        if (i == 0 || i % 2 == 1) {
            BigDecimal percent = BigDecimal.valueOf(i == 0 ? 10 : 5);
            discount = subtotal.multiply(percent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
            ObjectNode d = lines.addObject();
            d.put("Amount", discount);
            d.put("DetailType", "DiscountLineDetail");
            ObjectNode detail = d.putObject("DiscountLineDetail");
            detail.put("PercentBased", true);
            detail.put("DiscountPercent", percent);
            ref(detail, "DiscountAccountRef", "86", "Discounts given");
        }
        // ApplyTaxAfterDiscount: the taxable amount carries its share of the discount.
        BigDecimal netTaxable = subtotal.signum() == 0
                ? taxable
                : taxable.subtract(discount.multiply(taxable).divide(subtotal, 2, RoundingMode.HALF_UP));
        BigDecimal tax = netTaxable.multiply(TAX_PERCENT).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        BigDecimal total = subtotal.subtract(discount).add(tax);
        boolean paid = i % 3 == 2;

        ObjectNode inv = Json.object();
        inv.put("AllowIPNPayment", false);
        inv.put("AllowOnlinePayment", false);
        inv.put("AllowOnlineCreditCardPayment", false);
        inv.put("AllowOnlineACHPayment", false);
        inv.put("domain", "QBO");
        inv.put("sparse", false);
        inv.put("Id", String.valueOf(130 + i));
        inv.put("SyncToken", String.valueOf(i % 4));
        ObjectNode meta = inv.putObject("MetaData");
        String created = STAMP.format(txnDate.atTime(9, i % 60).atZone(QboFaults.INTUIT_ZONE));
        meta.put("CreateTime", created);
        meta.put(
                "LastUpdatedTime",
                paid ? STAMP.format(txnDate.plusDays(1).atTime(14, i % 60).atZone(QboFaults.INTUIT_ZONE)) : created);
        ArrayNode custom = inv.putArray("CustomField");
        if (i % 2 == 0) {
            ObjectNode cf = custom.addObject();
            cf.put("DefinitionId", "1");
            cf.put("Name", "Crew #");
            cf.put("Type", "StringType");
            cf.put("StringValue", String.valueOf(100 + i % 7));
        }
        ObjectNode external = custom.addObject();
        external.put("DefinitionId", "2");
        external.put("Name", "External Id");
        external.put("Type", "StringType");
        external.put("StringValue", externalId(i));
        inv.put("DocNumber", String.valueOf(1037 + i));
        inv.put("TxnDate", txnDate.toString());
        ref(inv, "CurrencyRef", "USD", "United States Dollar");
        ArrayNode linked = inv.putArray("LinkedTxn");
        if (paid) {
            ObjectNode l = linked.addObject();
            l.put("TxnId", String.valueOf(300 + i));
            l.put("TxnType", "Payment");
        }
        inv.set("Line", lines);
        ObjectNode taxDetail = inv.putObject("TxnTaxDetail");
        ref(taxDetail, "TxnTaxCodeRef", "2", null);
        taxDetail.put("TotalTax", tax);
        ArrayNode taxLines = taxDetail.putArray("TaxLine");
        if (taxable.signum() > 0) {
            ObjectNode tl = taxLines.addObject();
            tl.put("Amount", tax);
            tl.put("DetailType", "TaxLineDetail");
            ObjectNode tld = tl.putObject("TaxLineDetail");
            ref(tld, "TaxRateRef", "3", null);
            tld.put("PercentBased", true);
            tld.put("TaxPercent", TAX_PERCENT);
            tld.put("NetAmountTaxable", netTaxable);
        }
        ref(inv, "CustomerRef", customer[0], customer[1]);
        ObjectNode addr = inv.putObject("BillAddr");
        addr.put("Id", String.valueOf(2 + i % CUSTOMERS.size()));
        addr.put("Line1", customer[2]);
        addr.put("City", customer[3]);
        addr.put("CountrySubDivisionCode", customer[4]);
        addr.put("PostalCode", customer[5]);
        inv.set("ShipAddr", addr.deepCopy());
        ref(inv, "SalesTermRef", "3", null);
        inv.put("DueDate", txnDate.plusDays(30).toString());
        inv.put("TotalAmt", total);
        inv.put("ApplyTaxAfterDiscount", true);
        inv.put("PrintStatus", "NotSet");
        inv.put("EmailStatus", paid ? "EmailSent" : "NotSet");
        inv.putObject("BillEmail")
                .put(
                        "Address",
                        "accounts@" + customer[1].replaceAll("[^A-Za-z]", "").toLowerCase(java.util.Locale.ROOT)
                                + ".example");
        inv.put("Balance", paid ? BigDecimal.ZERO.setScale(2) : total);
        return inv;
    }

    private static ObjectNode salesLine(int num, Item item, int qty, BigDecimal price, BigDecimal amount) {
        ObjectNode line = Json.object();
        line.put("Id", String.valueOf(num));
        line.put("LineNum", num);
        line.put("Description", item.name());
        line.put("Amount", amount);
        line.put("DetailType", "SalesItemLineDetail");
        ObjectNode detail = line.putObject("SalesItemLineDetail");
        ref(detail, "ItemRef", item.id(), item.name());
        detail.put("UnitPrice", price);
        detail.put("Qty", qty);
        ref(detail, "ItemAccountRef", item.id().equals("4") ? "82" : "79", item.account());
        ref(detail, "TaxCodeRef", item.taxable() ? "TAX" : "NON", null);
        return line;
    }

    private static void ref(ObjectNode parent, String name, String value, String label) {
        ObjectNode r = parent.putObject(name);
        r.put("value", value);
        if (label != null) r.put("name", label);
    }
}
