package io.driftwatch.sandbox;

import io.driftwatch.sandbox.ParsedQuery.Condition;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the subset of the QuickBooks query language (VENDORS.md §1.1: one entity, AND only, ORDERBY,
 * STARTPOSITION, MAXRESULTS) and of SOQL (field list, AND/OR without parentheses, ORDER BY, LIMIT,
 * OFFSET, date literals TODAY and LAST_N_DAYS:n) the sandbox needs. Keywords are case-insensitive.
 */
final class QueryParser {
    enum Dialect {
        QBO,
        SOQL
    }

    private record Token(String text, boolean quoted) {
        boolean is(String keyword) {
            return !quoted && text.equalsIgnoreCase(keyword);
        }
    }

    private final List<Token> tokens;
    private final Dialect dialect;
    private final LocalDate today;
    private int at;

    private QueryParser(List<Token> tokens, Dialect dialect, LocalDate today) {
        this.tokens = tokens;
        this.dialect = dialect;
        this.today = today;
    }

    static ParsedQuery parse(String query, Dialect dialect, LocalDate today) throws QueryException {
        if (query == null || query.isBlank()) throw new QueryException("empty query", false);
        return new QueryParser(tokenize(query), dialect, today).statement();
    }

    private ParsedQuery statement() throws QueryException {
        expect("SELECT");
        var fields = new ArrayList<String>();
        boolean count = false;
        if (peekIs("count")) {
            next();
            expect("(");
            if (dialect == Dialect.QBO) expect("*");
            expect(")");
            count = true;
        } else {
            do {
                fields.add(word("a field name"));
            } while (accept(","));
        }
        expect("FROM");
        String entity = word("an entity name");
        List<List<Condition>> where = new ArrayList<>();
        if (accept("WHERE")) where = conditions();
        String orderBy = null;
        boolean desc = false;
        if (accept("ORDERBY") || (peekIs("ORDER") && accept("ORDER") && expectReturn("BY"))) {
            orderBy = word("a field to order by");
            if (accept("DESC")) desc = true;
            else accept("ASC");
            if (accept("NULLS") && !accept("FIRST")) expect("LAST");
        }
        int offset = 0;
        Integer limit = null;
        while (at < tokens.size()) {
            if (dialect == Dialect.QBO && accept("STARTPOSITION")) offset = Math.max(0, integer() - 1);
            else if (dialect == Dialect.QBO && accept("MAXRESULTS")) limit = integer();
            else if (dialect == Dialect.SOQL && accept("LIMIT")) limit = integer();
            else if (dialect == Dialect.SOQL && accept("OFFSET")) offset = integer();
            else throw new QueryException("unexpected '" + tokens.get(at).text() + "'", false);
        }
        return new ParsedQuery(fields, count, entity, where, orderBy, desc, offset, limit);
    }

    private List<List<Condition>> conditions() throws QueryException {
        List<List<Condition>> groups = new ArrayList<>();
        List<Condition> group = new ArrayList<>();
        group.add(condition());
        while (at < tokens.size()) {
            if (accept("AND")) {
                group.add(condition());
            } else if (peekIs("OR")) {
                if (dialect == Dialect.QBO) throw new QueryException("OR is not supported; use AND", false);
                next();
                groups.add(group);
                group = new ArrayList<>();
                group.add(condition());
            } else {
                break;
            }
        }
        groups.add(group);
        return groups;
    }

    private Condition condition() throws QueryException {
        if (peekIs("(")) throw new QueryException("parentheses are not supported", false);
        String field = word("a field name");
        if (accept("IN")) {
            expect("(");
            var values = new ArrayList<Object>();
            do {
                values.add(literal());
            } while (accept(","));
            expect(")");
            return new Condition(field, "IN", values);
        }
        Token op = next();
        String symbol = op.quoted() ? "" : op.text().toUpperCase(Locale.ROOT);
        if (!List.of("=", "!=", "<>", "<", ">", "<=", ">=", "LIKE").contains(symbol)) {
            throw new QueryException("expected an operator after " + field + ", got '" + op.text() + "'", false);
        }
        return new Condition(field, symbol.equals("<>") ? "!=" : symbol, List.of(literal()));
    }

    private Object literal() throws QueryException {
        Token t = next();
        if (t.quoted()) return t.text();
        String s = t.text();
        if (s.equalsIgnoreCase("null")) return ParsedQuery.NULL;
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) return Boolean.valueOf(s);
        if (s.equalsIgnoreCase("TODAY")) return today.toString();
        if (s.regionMatches(true, 0, "LAST_N_DAYS:", 0, 12)) {
            try {
                return today.minusDays(Long.parseLong(s.substring(12))).toString();
            } catch (NumberFormatException e) {
                throw new QueryException("bad date literal " + s, false);
            }
        }
        if (s.matches("\\d{4}-\\d{2}-\\d{2}.*")) return s;
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new QueryException("expected a value, got '" + s + "'", false);
        }
    }

    private int integer() throws QueryException {
        Token t = next();
        try {
            return Integer.parseInt(t.text());
        } catch (NumberFormatException e) {
            throw new QueryException("expected a whole number, got '" + t.text() + "'", false);
        }
    }

    private String word(String what) throws QueryException {
        Token t = next();
        if (t.quoted() || t.text().matches("[(),=<>!]+")) {
            throw new QueryException("expected " + what + ", got '" + t.text() + "'", false);
        }
        return t.text();
    }

    private Token next() throws QueryException {
        if (at >= tokens.size()) throw new QueryException("unexpected end of query", false);
        return tokens.get(at++);
    }

    private boolean peekIs(String keyword) {
        return at < tokens.size() && tokens.get(at).is(keyword);
    }

    private boolean accept(String keyword) {
        if (!peekIs(keyword)) return false;
        at++;
        return true;
    }

    private void expect(String keyword) throws QueryException {
        if (!accept(keyword)) {
            String got = at < tokens.size() ? "'" + tokens.get(at).text() + "'" : "end of query";
            throw new QueryException("expected " + keyword + ", got " + got, false);
        }
    }

    private boolean expectReturn(String keyword) throws QueryException {
        expect(keyword);
        return true;
    }

    private static List<Token> tokenize(String q) throws QueryException {
        var out = new ArrayList<Token>();
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                var sb = new StringBuilder();
                i++;
                while (i < q.length() && q.charAt(i) != '\'') {
                    if (q.charAt(i) == '\\' && i + 1 < q.length()) i++;
                    sb.append(q.charAt(i++));
                }
                if (i >= q.length()) throw new QueryException("unterminated string literal", false);
                i++;
                out.add(new Token(sb.toString(), true));
            } else if ("(),".indexOf(c) >= 0) {
                out.add(new Token(String.valueOf(c), false));
                i++;
            } else if ("=<>!".indexOf(c) >= 0) {
                int start = i;
                while (i < q.length() && "=<>!".indexOf(q.charAt(i)) >= 0) i++;
                out.add(new Token(q.substring(start, i), false));
            } else {
                int start = i;
                while (i < q.length() && !Character.isWhitespace(q.charAt(i)) && "(),=<>!'".indexOf(q.charAt(i)) < 0) {
                    i++;
                }
                out.add(new Token(q.substring(start, i), false));
            }
        }
        return out;
    }
}
