package io.driftwatch.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * One JSONPath assertion. Exactly one operator is set besides {@code path}; the loader guarantees it.
 *
 * @param exists true: the path must match something; false: it must match nothing
 * @param equalTo the value must equal this JSON value (numbers compared as decimals)
 * @param matches a regular expression the string value must match
 * @param lessThan the numeric value must be below this
 * @param greaterThan the numeric value must be above this
 * @param length the array or string must have this length
 * @param type one of string, number, integer, boolean, object, array, null
 */
public record Assertion(
        String path,
        Boolean exists,
        JsonNode equalTo,
        String matches,
        BigDecimal lessThan,
        BigDecimal greaterThan,
        Integer length,
        String type) {

    /** Human description such as {@code $.a.b equals "x"}, used in findings and JUnit test names. */
    public String describe() {
        if (exists != null) return path + (exists ? " exists" : " does not exist");
        if (equalTo != null) return path + " equals " + equalTo;
        if (matches != null) return path + " matches /" + matches + "/";
        if (lessThan != null) return path + " < " + lessThan.toPlainString();
        if (greaterThan != null) return path + " > " + greaterThan.toPlainString();
        if (length != null) return path + " has length " + length;
        if (type != null) return path + " is " + type;
        return path;
    }
}
