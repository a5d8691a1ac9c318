package io.driftwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The few calls of a Prometheus server's HTTP API the benchmark makes, on 127.0.0.1. Every call is bounded. */
final class PrometheusApi {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One series of a range-vector result: its labels and its samples (timestamps in epoch ms). */
    record Series(Map<String, String> labels, long[] timestampsMillis, double[] values) {}

    private final String base;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    PrometheusApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** HTTP status of {@code path}, or -1 when nothing answers. */
    int status(String path) throws InterruptedException {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create(base + path))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException notListening) {
            return -1;
        }
    }

    /** An instant query whose result is a range vector (e.g. {@code up[15s]}) evaluated at {@code at}. */
    List<Series> matrix(String query, Instant at) throws IOException, InterruptedException {
        String time = String.format(Locale.ROOT, "%.3f", at.toEpochMilli() / 1000.0);
        String encoded = URLEncoder.encode(query, StandardCharsets.UTF_8);
        JsonNode data = data("/api/v1/query?query=" + encoded + "&time=" + time);
        if (!"matrix".equals(data.path("resultType").asText())) {
            throw new IOException("Prometheus answered " + data.path("resultType") + " to " + query);
        }
        List<Series> out = new ArrayList<>();
        for (JsonNode s : data.path("result")) {
            Map<String, String> labels = new HashMap<>();
            s.path("metric")
                    .properties()
                    .forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
            JsonNode values = s.path("values");
            long[] ts = new long[values.size()];
            double[] vs = new double[values.size()];
            for (int i = 0; i < ts.length; i++) {
                ts[i] = Math.round(values.get(i).get(0).asDouble() * 1000);
                vs[i] = Double.parseDouble(values.get(i).get(1).asText());
            }
            out.add(new Series(labels, ts, vs));
        }
        return out;
    }

    /** The server's version from {@code /api/v1/status/buildinfo}, "?" when it does not say. */
    String version() throws IOException, InterruptedException {
        return data("/api/v1/status/buildinfo").path("version").asText("?");
    }

    /** The server's own metrics in the text format. */
    String metricsText() throws IOException, InterruptedException {
        return get("/metrics");
    }

    private JsonNode data(String pathAndQuery) throws IOException, InterruptedException {
        JsonNode root = JSON.readTree(get(pathAndQuery));
        if (!"success".equals(root.path("status").asText())) {
            throw new IOException("Prometheus: " + root.path("error").asText(root.toString()));
        }
        return root.path("data");
    }

    private String get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                        .timeout(TIMEOUT)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 && !r.body().startsWith("{")) {
            throw new IOException("Prometheus answered " + r.statusCode() + " to " + pathAndQuery);
        }
        return r.body();
    }
}
