package io.driftwatch.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * QuickBooks error bodies in the shapes of VENDORS.md §1.5: the standard {@code Fault} (capitalised keys,
 * string {@code code}, ISO {@code time}), the gateway {@code fault} (lower-case keys, epoch-millis {@code
 * time}) used for 401/403 at Intuit's edge, and the XML form the throttle fault has been seen in.
 */
final class QboFaults {
    static final ZoneId INTUIT_ZONE = ZoneId.of("America/Los_Angeles");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private QboFaults() {}

    /** Intuit's response {@code time}: ISO-8601 with the Pacific offset, e.g. 2026-07-20T10:15:30.123-07:00. */
    static String time(Instant now) {
        return TIME.format(now.atZone(INTUIT_ZONE));
    }

    static ObjectNode standard(String type, String code, String message, String detail, String element, Instant now) {
        ObjectNode error = Json.object();
        error.put("Message", message);
        error.put("Detail", detail);
        error.put("code", code);
        error.put("element", element);
        ObjectNode fault = Json.object();
        fault.set("Error", Json.array().add(error));
        fault.put("type", type);
        ObjectNode root = Json.object();
        root.set("Fault", fault);
        root.put("time", time(now));
        return root;
    }

    static ObjectNode gateway(String type, String code, String message, String detail, Instant now) {
        ObjectNode error = Json.object();
        error.put("message", message);
        error.put("detail", detail);
        error.put("code", code);
        error.putNull("element");
        ObjectNode fault = Json.object();
        fault.set("error", Json.array().add(error));
        fault.put("type", type);
        ObjectNode root = Json.object();
        root.putNull("warnings");
        root.putNull("intuitObject");
        root.set("fault", fault);
        root.putNull("report");
        root.putNull("queryResponse");
        root.set("batchItemResponse", Json.array());
        root.set("attachableResponse", Json.array());
        root.putNull("syncErrorResponse");
        root.putNull("requestId");
        root.put("time", now.toEpochMilli());
        root.putNull("status");
        root.set("cdcresponse", Json.array());
        return root;
    }

    /** 401 for a missing, unknown, expired or revoked access token (gateway shape, code 3200). */
    static SandboxResponse authenticationFailed(Instant now) {
        return SandboxResponse.json(
                401,
                gateway(
                        "AUTHENTICATION",
                        "3200",
                        "message=AuthenticationFailed; errorCode=003200; statusCode=401",
                        "Token expired or invalid",
                        now));
    }

    /** 403 when the token is valid but not for this realm (gateway shape, code 3100). */
    static SandboxResponse authorizationFailed(Instant now) {
        return SandboxResponse.json(
                403,
                gateway(
                        "SERVICE",
                        "3100",
                        "message=AuthorizationFailed; errorCode=003100; statusCode=403",
                        "The application is not authorized to access this company",
                        now));
    }

    /** 429 ThrottleExceeded, code 3001, type SERVICE; {@code xml} for the form seen despite Accept: json. */
    static SandboxResponse throttled(Instant now, boolean xml) {
        String message = "message=ThrottleExceeded; errorCode=003001; statusCode=429";
        String detail = "The request limit was reached.  Try again later";
        if (xml) {
            String body = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<IntuitResponse xmlns=\"http://schema.intuit.com/finance/v3\" time=\"" + time(now) + "\">"
                    + "<Fault type=\"SERVICE\"><Error code=\"3001\" element=\"\"><Message>" + message
                    + "</Message><Detail>" + detail + "</Detail></Error></Fault></IntuitResponse>";
            return SandboxResponse.text(429, "application/xml", body);
        }
        return SandboxResponse.json(429, standard("SERVICE", "3001", message, detail, "", now));
    }

    static SandboxResponse objectNotFound(Instant now) {
        return SandboxResponse.json(
                400,
                standard(
                        "ValidationFault",
                        "610",
                        "Object Not Found",
                        "Object Not Found : Something you're trying to use has been made inactive. Check the fields"
                                + " with accounts, customers, items, vendors or employees.",
                        "",
                        now));
    }

    static SandboxResponse queryError(Instant now, String problem) {
        return SandboxResponse.json(
                400,
                standard("ValidationFault", "4000", "Error parsing query", "QueryParserError: " + problem, "", now));
    }

    static SandboxResponse unsupported(Instant now, String what) {
        return SandboxResponse.json(
                400,
                standard(
                        "ValidationFault",
                        "500",
                        "Unsupported Operation",
                        "Operation " + what + " is not supported.",
                        "",
                        now));
    }

    static SandboxResponse systemFault(Instant now, int status) {
        return SandboxResponse.json(
                status,
                standard(
                        "SystemFault",
                        "10000",
                        "An application error has occurred while processing your request",
                        "System Failure Error: An unexpected error occurred while accessing or saving your data."
                                + " Please wait a few minutes and try again.",
                        "",
                        now));
    }

    /** A Fault that arrives with HTTP 200 (VENDORS.md: "HTTP 200 can still carry a Fault"). */
    static SandboxResponse faultWith200(Instant now, boolean gatewayShape) {
        String message = "Invalid Company Status";
        String detail = "Subscription period has ended or canceled or there was a billing problem";
        ObjectNode body = gatewayShape
                ? gateway("ValidationFault", "6190", message, detail, now)
                : standard("ValidationFault", "6190", message, detail, "", now);
        return SandboxResponse.json(200, body);
    }
}
