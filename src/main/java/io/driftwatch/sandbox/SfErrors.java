package io.driftwatch.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Salesforce REST error bodies: a JSON array of {@code {message, errorCode[, fields]}} (VENDORS.md §2.4). */
final class SfErrors {
    private SfErrors() {}

    static SandboxResponse of(int status, String errorCode, String message) {
        ArrayNode body = Json.array();
        ObjectNode e = body.addObject();
        e.put("message", message);
        e.put("errorCode", errorCode);
        return SandboxResponse.json(status, body);
    }

    static SandboxResponse invalidSession() {
        return of(401, "INVALID_SESSION_ID", "Session expired or invalid");
    }

    static SandboxResponse limitExceeded() {
        return of(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
    }

    static SandboxResponse notFound() {
        return of(404, "NOT_FOUND", "The requested resource does not exist");
    }

    static SandboxResponse serverError(int status) {
        return of(
                status,
                "UNKNOWN_EXCEPTION",
                "An unexpected error occurred. Please include this ErrorId if you contact support:"
                        + " 1958218305-52417 (-1185453839)");
    }
}
