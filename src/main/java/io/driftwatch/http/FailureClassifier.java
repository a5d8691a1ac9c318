package io.driftwatch.http;

import io.driftwatch.finding.FindingKind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Turns what went wrong on the wire into a {@link TransportFailure} with a stable kind and a message
 * that names the place (host and port, never the query) and carries no secret. Message texts are API:
 * tests assert them.
 */
final class FailureClassifier {
    private static final int MAX_CAUSES = 16;

    private FailureClassifier() {}

    /**
     * @param error what the client reported (wrappers are looked through)
     * @param headersArrived whether response headers had been received when it happened
     * @param bytesSeen response body bytes received before it happened
     */
    static TransportFailure classify(
            Throwable error, URI uri, boolean headersArrived, long bytesSeen, Duration deadline, Redactor redactor) {
        List<Throwable> chain = causes(error);
        String place = place(uri);
        if (has(chain, UnresolvedAddressException.class) || has(chain, UnknownHostException.class)) {
            return new TransportFailure(FindingKind.DNS, "cannot resolve host " + uri.getHost());
        }
        if (has(chain, HttpConnectTimeoutException.class)) {
            return new TransportFailure(FindingKind.TIMEOUT, "connect to " + place + " timed out");
        }
        if (has(chain, HttpTimeoutException.class)) {
            return deadlinePassed(headersArrived, bytesSeen, deadline);
        }
        if (has(chain, SSLHandshakeException.class) || (!headersArrived && has(chain, SSLException.class))) {
            return new TransportFailure(
                    FindingKind.TLS, "TLS handshake with " + place + " failed: " + redactor.redact(rootMessage(chain)));
        }
        if (!headersArrived && has(chain, ConnectException.class)) {
            return new TransportFailure(FindingKind.CONNECTION_REFUSED, "connection refused by " + place);
        }
        if (has(chain, IOException.class)) {
            return new TransportFailure(
                    FindingKind.CONNECTION_RESET,
                    headersArrived
                            ? "connection to " + place + " closed after " + bytesSeen + " bytes of the response body"
                            : "connection to " + place + " closed before the response headers");
        }
        Throwable root = chain.get(chain.size() - 1);
        return new TransportFailure(
                FindingKind.INTERNAL,
                "unexpected error: " + root.getClass().getName() + ": " + redactor.redact(root.getMessage()));
    }

    /** The run's deadline passed ({@link BodyDeadlines} ended the attempt). */
    static TransportFailure deadlinePassed(boolean headersArrived, long bytesSeen, Duration deadline) {
        return new TransportFailure(
                FindingKind.TIMEOUT,
                headersArrived
                        ? "response body not complete within " + deadline.toMillis() + " ms (" + bytesSeen
                                + " bytes received)"
                        : "no response within " + deadline.toMillis() + " ms");
    }

    static TransportFailure bodyTooLarge(BodyResult r, long cap) {
        String detail = r.declaredLength() > cap
                ? "Content-Length " + r.declaredLength()
                : "stopped after " + r.bytesSeen() + " bytes";
        return new TransportFailure(
                FindingKind.BODY_TOO_LARGE, "response body exceeds the " + cap + "-byte limit (" + detail + ")");
    }

    /** host:port with the scheme's default port filled in. */
    static String place(URI uri) {
        int port = uri.getPort();
        if (port < 0) port = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }

    private static List<Throwable> causes(Throwable error) {
        var chain = new ArrayList<Throwable>();
        Throwable t = error;
        for (int i = 0; t != null && i < MAX_CAUSES; i++, t = t.getCause()) {
            boolean wrapper = t instanceof ExecutionException || t instanceof CompletionException;
            if (!wrapper || t.getCause() == null) chain.add(t);
        }
        if (chain.isEmpty()) chain.add(error);
        return chain;
    }

    private static boolean has(List<Throwable> chain, Class<? extends Throwable> type) {
        for (Throwable t : chain) {
            if (type.isInstance(t)) return true;
        }
        return false;
    }

    private static String rootMessage(List<Throwable> chain) {
        for (int i = chain.size() - 1; i >= 0; i--) {
            String m = chain.get(i).getMessage();
            if (m != null && !m.isBlank()) return m;
        }
        return chain.get(0).getClass().getSimpleName();
    }
}
