package io.driftwatch.config;

import java.net.URI;
import java.util.Map;

/**
 * How a connection authenticates. Generic schemes are records here; vendor flows (QuickBooks refresh
 * tokens, Salesforce JWT bearer) arrive as {@link Vendor} with their own settings and are resolved by the
 * auth registry in {@code http}.
 */
public sealed interface AuthSpec {

    /** The {@code type:} key in a connection file. */
    String type();

    record None() implements AuthSpec {
        @Override
        public String type() {
            return "none";
        }
    }

    record Basic(String username, Secret password) implements AuthSpec {
        @Override
        public String type() {
            return "basic";
        }
    }

    record Bearer(Secret token) implements AuthSpec {
        @Override
        public String type() {
            return "bearer";
        }
    }

    enum KeyLocation {
        HEADER,
        QUERY
    }

    record ApiKey(String name, Secret value, KeyLocation in) implements AuthSpec {
        @Override
        public String type() {
            return "api-key";
        }
    }

    /** OAuth 2.0 client credentials grant (RFC 6749 §4.4). */
    record ClientCredentials(URI tokenUrl, String clientId, Secret clientSecret, String scope) implements AuthSpec {
        @Override
        public String type() {
            return "oauth2-client-credentials";
        }
    }

    /**
     * A vendor-specific flow. {@code settings} holds plain values; {@code secrets} holds credentials.
     */
    record Vendor(String type, Map<String, String> settings, Map<String, Secret> secrets) implements AuthSpec {
        public Vendor {
            settings = Map.copyOf(settings);
            secrets = Map.copyOf(secrets);
        }
    }
}
