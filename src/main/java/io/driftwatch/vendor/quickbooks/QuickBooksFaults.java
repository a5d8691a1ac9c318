package io.driftwatch.vendor.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads QuickBooks faults in every shape VENDORS.md §1.5 lists, whatever the HTTP status: the standard
 * JSON {@code Fault} (capitalised keys), the gateway JSON {@code fault} (lower-case keys), faults inside
 * {@code BatchItemResponse} items, and the XML {@code <Fault>} (seen for throttling even when JSON was
 * asked for). {@code type} is kept as sent: Intuit uses values outside its documented list.
 */
final class QuickBooksFaults {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern XML_FAULT_TYPE = Pattern.compile("<Fault[^>]*\\btype=\"([^\"]*)\"");
    private static final Pattern XML_ERROR = Pattern.compile("<Error([^>]*)>(.*?)</Error>", Pattern.DOTALL);
    private static final Pattern XML_ATTR = Pattern.compile("\\b(code|element)=\"([^\"]*)\"");
    private static final Pattern XML_MESSAGE = Pattern.compile("<Message>(.*?)</Message>", Pattern.DOTALL);
    private static final Pattern XML_DETAIL = Pattern.compile("<Detail>(.*?)</Detail>", Pattern.DOTALL);

    /** One error of a fault. {@code shape} is {@code standard}, {@code gateway} or {@code xml}. */
    record Fault(String shape, String type, String code, String message, String detail, String element) {}

    private QuickBooksFaults() {}

    static List<Fault> parse(byte[] body) {
        if (body.length == 0) return List.of();
        String text = new String(body, StandardCharsets.UTF_8);
        String start = text.stripLeading();
        if (start.startsWith("<")) return text.contains("<Fault") ? xml(text) : List.of();
        // Cheap test first: most responses carry no fault and need no second parse.
        if (!text.contains("\"Fault\"") && !text.contains("\"fault\"")) return List.of();
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return List.of();
        }
        var out = new ArrayList<Fault>();
        if (root == null || !root.isObject()) return out;
        json(root.get("Fault"), "standard", "Error", out);
        json(root.get("fault"), "gateway", "error", out);
        for (JsonNode item : root.path("BatchItemResponse")) json(item.get("Fault"), "standard", "Error", out);
        return out;
    }

    private static void json(JsonNode fault, String shape, String errorsKey, List<Fault> out) {
        if (fault == null || !fault.isObject()) return;
        String type = fault.path("type").asText(null);
        JsonNode errors = fault.get(errorsKey);
        if (errors == null || !errors.isArray() || errors.isEmpty()) {
            out.add(new Fault(shape, type, null, null, null, null));
            return;
        }
        for (JsonNode e : errors) {
            out.add(new Fault(
                    shape,
                    type,
                    text(e, "code"),
                    text(e, shape.equals("standard") ? "Message" : "message"),
                    text(e, shape.equals("standard") ? "Detail" : "detail"),
                    text(e, "element")));
        }
    }

    private static String text(JsonNode e, String key) {
        JsonNode v = e.get(key);
        if (v == null || v.isNull()) return null;
        String s = v.asText();
        return s.isEmpty() ? null : s;
    }

    private static List<Fault> xml(String text) {
        var out = new ArrayList<Fault>();
        Matcher type = XML_FAULT_TYPE.matcher(text);
        String faultType = type.find() ? type.group(1) : null;
        Matcher error = XML_ERROR.matcher(text);
        while (error.find()) {
            String code = null;
            String element = null;
            Matcher attr = XML_ATTR.matcher(error.group(1));
            while (attr.find()) {
                if (attr.group(1).equals("code")) code = attr.group(2);
                else element = attr.group(2).isEmpty() ? null : attr.group(2);
            }
            out.add(new Fault(
                    "xml",
                    faultType,
                    code,
                    group(XML_MESSAGE, error.group(2)),
                    group(XML_DETAIL, error.group(2)),
                    element));
        }
        if (out.isEmpty()) out.add(new Fault("xml", faultType, null, null, null, null));
        return out;
    }

    private static String group(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? unescape(m.group(1).trim()) : null;
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}
