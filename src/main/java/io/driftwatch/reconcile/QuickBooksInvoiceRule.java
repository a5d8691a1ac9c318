package io.driftwatch.reconcile;

import io.driftwatch.config.TotalsRule;

/**
 * The canonical totals rule for QuickBooks Online invoices, as the shipped probes use it:
 *
 * <pre>
 * sum:    $.Line[?(@.DetailType == 'SalesItemLineDetail')].Amount   # item lines, shipping included
 * minus:  $.Line[?(@.DetailType == 'DiscountLineDetail')].Amount    # discounts are POSITIVE amounts
 * plus:   $.TxnTaxDetail.TotalTax                                   # absent = 0
 * equals: $.TotalAmt
 * key: $.DocNumber (else $.Id)   currency: $.CurrencyRef.value   tolerance: 0.01
 * </pre>
 *
 * Why: {@code SubTotalLineDetail} repeats the item sum, so summing every {@code Line[].Amount} would
 * double count; {@code DescriptionOnly} lines carry no money; tax is taken once, from
 * {@code TxnTaxDetail.TotalTax} (its {@code TaxLine[]} split it, they are not added again); US companies
 * bill shipping as an ordinary sales-item line. Percent discounts and tax are rounded to cents by
 * QuickBooks before they reach the lines, so a consistent invoice adds up exactly and 0.01 only absorbs
 * a stray rounding. Not covered: {@code GroupLineDetail} bundles (their item lines nest one level
 * down; a rule for bundles would sum {@code $..Line[?(@.DetailType == 'SalesItemLineDetail')].Amount}).
 */
public final class QuickBooksInvoiceRule {

    public static final String SUM = "$.Line[?(@.DetailType == 'SalesItemLineDetail')].Amount";
    public static final String MINUS = "$.Line[?(@.DetailType == 'DiscountLineDetail')].Amount";
    public static final String PLUS = "$.TxnTaxDetail.TotalTax";
    public static final String EQUALS = "$.TotalAmt";
    public static final String KEY = "$.DocNumber";
    public static final String CURRENCY = "$.CurrencyRef.value";

    /** Records of a query page: {@code GET .../query?query=select * from Invoice}. */
    public static final String QUERY_RECORDS = "$.QueryResponse.Invoice[*]";

    /** The one record of a read: {@code GET .../invoice/{id}}. */
    public static final String READ_RECORD = "$.Invoice";

    private QuickBooksInvoiceRule() {}

    /**
     * The canonical rule over the given records.
     *
     * @param records {@link #QUERY_RECORDS} or {@link #READ_RECORD}
     */
    public static TotalsRule rule(String name, String records) {
        return new TotalsRule(name, records, KEY, SUM, MINUS, PLUS, EQUALS, TotalsRule.DEFAULT_TOLERANCE, CURRENCY);
    }
}
