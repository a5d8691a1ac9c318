package io.driftwatch.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The few US addresses the Smarty stand-in knows, with candidate data in the US Street API's shape
 * (VENDORS.md §3: {@code components}, {@code metadata}, {@code analysis}; ZIPs as strings, coordinates
 * and UTC offsets as numbers). Values are plausible, not copied from Smarty. Matching normalises case,
 * punctuation and common suffix/direction words, then needs the delivery line plus the ZIP or the city
 * and state.
 */
final class SmartyAddressBook {

    record Known(
            String primary,
            String predir,
            String street,
            String suffix,
            String city,
            String state,
            String zip,
            String plus4,
            String deliveryPoint,
            String checkDigit,
            String county,
            String fips,
            String route,
            String district,
            String rdi,
            String latitude,
            String longitude,
            String timeZone,
            int utcOffset,
            String ianaZone,
            String smartyKey) {

        String deliveryLine() {
            return String.join(
                    " ",
                    predir.isEmpty() ? List.of(primary, street, suffix) : List.of(primary, predir, street, suffix));
        }

        String lastLine() {
            return city + " " + state + " " + zip + "-" + plus4;
        }
    }

    static final List<Known> ADDRESSES = List.of(
            new Known(
                    "1600",
                    "",
                    "Amphitheatre",
                    "Pkwy",
                    "Mountain View",
                    "CA",
                    "94043",
                    "1351",
                    "00",
                    "5",
                    "Santa Clara",
                    "06085",
                    "C909",
                    "16",
                    "Commercial",
                    "37.42232",
                    "-122.08475",
                    "Pacific",
                    -8,
                    "America/Los_Angeles",
                    "1209532765"),
            new Known(
                    "3214",
                    "N",
                    "University",
                    "Ave",
                    "Provo",
                    "UT",
                    "84604",
                    "4405",
                    "14",
                    "8",
                    "Utah",
                    "49049",
                    "C016",
                    "03",
                    "Commercial",
                    "40.27658",
                    "-111.65759",
                    "Mountain",
                    -7,
                    "America/Denver",
                    "1368912274"),
            new Known(
                    "1060",
                    "W",
                    "Addison",
                    "St",
                    "Chicago",
                    "IL",
                    "60613",
                    "4566",
                    "60",
                    "3",
                    "Cook",
                    "17031",
                    "C047",
                    "05",
                    "Commercial",
                    "41.94797",
                    "-87.65565",
                    "Central",
                    -6,
                    "America/Chicago",
                    "1020145596"));

    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("PARKWAY", "PKWY"),
            Map.entry("AVENUE", "AVE"),
            Map.entry("STREET", "ST"),
            Map.entry("ROAD", "RD"),
            Map.entry("BOULEVARD", "BLVD"),
            Map.entry("DRIVE", "DR"),
            Map.entry("NORTH", "N"),
            Map.entry("SOUTH", "S"),
            Map.entry("EAST", "E"),
            Map.entry("WEST", "W"));

    private SmartyAddressBook() {}

    /** The known address {@code text} (all input fields joined) describes, or null. */
    static Known match(String text) {
        String hay = " " + normalize(text) + " ";
        for (Known k : ADDRESSES) {
            boolean line = hay.contains(" " + normalize(k.deliveryLine()) + " ");
            boolean where =
                    hay.contains(" " + k.zip()) || hay.contains(" " + normalize(k.city() + " " + k.state()) + " ");
            if (line && where) return k;
        }
        return null;
    }

    static String normalize(String s) {
        var out = new StringBuilder();
        for (String word :
                s.toUpperCase(Locale.ROOT).replaceAll("[.,#]", " ").trim().split("\\s+")) {
            if (word.isEmpty()) continue;
            if (!out.isEmpty()) out.append(' ');
            out.append(ABBREVIATIONS.getOrDefault(word, word));
        }
        return out.toString();
    }

    /** One candidate for {@code k} answering input {@code inputIndex}. */
    static ObjectNode candidate(Known k, int inputIndex, String inputId, String addressee) {
        ObjectNode c = Json.object();
        if (inputId != null) c.put("input_id", inputId);
        c.put("input_index", inputIndex);
        c.put("candidate_index", 0);
        if (addressee != null) c.put("addressee", addressee);
        c.put("delivery_line_1", k.deliveryLine());
        c.put("last_line", k.lastLine());
        c.put("delivery_point_barcode", k.zip() + k.plus4() + k.deliveryPoint() + k.checkDigit());
        c.put("smarty_key", k.smartyKey());
        c.put("smarty_key_ext", "2883876546");
        ObjectNode comp = c.putObject("components");
        comp.put("primary_number", k.primary());
        if (!k.predir().isEmpty()) comp.put("street_predirection", k.predir());
        comp.put("street_name", k.street());
        comp.put("street_suffix", k.suffix());
        comp.put("city_name", k.city());
        comp.put("default_city_name", k.city());
        comp.put("state_abbreviation", k.state());
        comp.put("zipcode", k.zip());
        comp.put("plus4_code", k.plus4());
        comp.put("delivery_point", k.deliveryPoint());
        comp.put("delivery_point_check_digit", k.checkDigit());
        ObjectNode meta = c.putObject("metadata");
        meta.put("record_type", "S");
        meta.put("zip_type", "Standard");
        meta.put("county_fips", k.fips());
        meta.put("county_name", k.county());
        meta.put("carrier_route", k.route());
        meta.put("congressional_district", k.district());
        meta.put("rdi", k.rdi());
        meta.put("elot_sequence", "0070");
        meta.put("elot_sort", "A");
        meta.put("latitude", new BigDecimal(k.latitude()));
        meta.put("longitude", new BigDecimal(k.longitude()));
        meta.put("coordinate_license", 1);
        meta.put("precision", "Rooftop");
        meta.put("time_zone", k.timeZone());
        meta.put("utc_offset", k.utcOffset());
        meta.put("dst", true);
        meta.put("iana_time_zone", k.ianaZone());
        meta.put("iana_utc_offset", k.utcOffset());
        meta.put("iana_dst", true);
        ObjectNode analysis = c.putObject("analysis");
        analysis.put("dpv_match_code", "Y");
        analysis.put("dpv_footnotes", "AABB");
        analysis.put("dpv_cmra", "N");
        analysis.put("dpv_vacant", "N");
        analysis.put("dpv_no_stat", "N");
        analysis.put("active", "Y");
        analysis.put("footnotes", "N#");
        analysis.put("suitelink_match", false);
        analysis.put("enhanced_match", "postal-match");
        return c;
    }
}
