package io.driftwatch.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Learns a baseline: runs the probe N times, spaced by an interval, and summarises the responses.
 * All samples must agree on status, content type and whether the body is JSON; otherwise recording
 * fails rather than learn a mix of a good response and an outage.
 */
public final class BaselineRecorder {
    /** Headers recorded by default: stable ones by value, vendor request ids by presence ("*"). */
    public static final List<String> DEFAULT_HEADERS =
            List.of("cache-control", "content-encoding", "content-type", "intuit_tid", "sforce-limit-info", "vary");

    /** Headers that differ on every response by nature: recorded by presence only, so re-recording is stable. */
    private static final Set<String> PRESENCE_ONLY =
            Set.of("date", "intuit_tid", "request-id", "sforce-limit-info", "x-request-id");

    private final Clock clock;
    private final Sleeper sleeper;
    private final String driftwatchVersion;
    private final InferenceOptions inference;
    private final SchemaInferrer inferrer;
    private final List<String> headers;

    /**
     * @param driftwatchVersion written into the file so a reader knows which inferrer produced it
     * @param headers response header names to record (lower case)
     */
    public BaselineRecorder(
            Clock clock, Sleeper sleeper, String driftwatchVersion, InferenceOptions inference, List<String> headers) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.driftwatchVersion = Objects.requireNonNull(driftwatchVersion, "driftwatchVersion");
        this.inference = Objects.requireNonNull(inference, "inference");
        this.inferrer = new SchemaInferrer(inference);
        this.headers = headers.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    }

    /** This recorder with enum inference switched on or off (a probe's {@code expect.schema.enums}). */
    public BaselineRecorder withEnums(boolean enums) {
        if (enums == inference.enums()) return this;
        return new BaselineRecorder(
                clock, sleeper, driftwatchVersion, new InferenceOptions(enums, inference.maxEnumValues()), headers);
    }

    /** Runs {@code source} {@code samples} times, sleeping {@code interval} between runs, and builds the baseline. */
    public Baseline record(String probeId, int samples, Duration interval, SampleSource source)
            throws BaselineRecordingException, InterruptedException {
        return build(probeId, collect(samples, interval, source));
    }

    /** Runs {@code source} {@code samples} times, sleeping {@code interval} between runs. */
    public List<Sample> collect(int samples, Duration interval, SampleSource source)
            throws BaselineRecordingException, InterruptedException {
        if (samples < 1) throw new IllegalArgumentException("samples must be at least 1");
        List<Sample> collected = new ArrayList<>(samples);
        for (int i = 1; i <= samples; i++) {
            if (i > 1) sleeper.sleep(interval);
            try {
                collected.add(Objects.requireNonNull(source.run(), "sample"));
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                throw new BaselineRecordingException("sample " + i + " of " + samples + " failed: "
                        + Objects.toString(e.getMessage(), e.toString()));
            }
        }
        return collected;
    }

    /** Builds a baseline from samples already taken (no waiting), stamped with the clock's time. */
    public Baseline build(String probeId, List<Sample> samples) throws BaselineRecordingException {
        if (samples.isEmpty()) throw new IllegalArgumentException("at least one sample is needed");
        int status = agreeOn(samples.stream().map(Sample::status).toList(), "status");
        String mediaType = agreeOn(samples.stream().map(Sample::mediaType).toList(), "content type");
        long json = samples.stream().filter(s -> s.json() != null).count();
        if (json != 0 && json != samples.size()) {
            throw new BaselineRecordingException(
                    "samples disagree on body: " + json + " of " + samples.size() + " are JSON");
        }
        JsonNode schema = json == 0
                ? null
                : inferrer.infer(samples.stream().map(Sample::json).toList());
        long[] latencies = samples.stream().mapToLong(Sample::totalNanos).toArray();
        return new Baseline(
                probeId,
                driftwatchVersion,
                clock.instant(),
                samples.size(),
                status,
                mediaType,
                selectedHeaders(samples),
                LatencyStats.ofNanos(latencies),
                null,
                schema);
    }

    /**
     * Combines an accepted observation with the previous baseline ({@code baseline accept --merge}):
     * the schema accepts what either accepted (see {@link SchemaMerger}); status, content type, headers
     * and latency come from the fresh recording.
     */
    public Baseline merge(Baseline previous, Baseline fresh) {
        JsonNode schema = previous.schema() == null || fresh.schema() == null
                ? fresh.schema()
                : SchemaMerger.merge(previous.schema(), fresh.schema());
        return new Baseline(
                fresh.probe(),
                fresh.driftwatchVersion(),
                fresh.recordedAt(),
                previous.sampleCount() + fresh.sampleCount(),
                fresh.status(),
                fresh.contentType(),
                fresh.headers(),
                fresh.latency(),
                fresh.schemaFile(),
                schema);
    }

    private static <T> T agreeOn(List<T> values, String what) throws BaselineRecordingException {
        TreeSet<String> distinct = new TreeSet<>();
        values.forEach(v -> distinct.add(String.valueOf(v)));
        if (distinct.size() > 1) {
            throw new BaselineRecordingException("samples disagree on " + what + ": " + String.join(", ", distinct));
        }
        return values.get(0);
    }

    private SortedMap<String, String> selectedHeaders(List<Sample> samples) {
        SortedMap<String, String> out = new TreeMap<>();
        for (String name : headers) {
            TreeSet<String> values = new TreeSet<>();
            for (Sample s : samples) {
                String v = s.headers().get(name);
                if (v == null) {
                    values.clear();
                    break;
                }
                values.add(v);
            }
            if (values.isEmpty()) continue;
            boolean literal = values.size() == 1
                    && !PRESENCE_ONLY.contains(name)
                    && !SecretHeuristics.looksSecret(name, values.first());
            out.put(name, literal ? values.first() : "*");
        }
        return out;
    }
}
