package io.driftwatch.sandbox;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** State shared by every handler of one sandbox: config, credentials, scenarios, counters. */
final class SandboxContext {
    final SandboxConfig config;
    final SandboxCredentials credentials;
    final Scenarios scenarios = new Scenarios();
    final SandboxCounters counters = new SandboxCounters();
    final QboRateLimiter qboLimiter;
    final SandboxInbox inbox = new SandboxInbox();

    /** Counted down when the sandbox stops, releasing requests held by the {@code hang} scenario. */
    final CountDownLatch closing = new CountDownLatch(1);

    private final SecureRandom random = new SecureRandom();
    private volatile URI baseUri = URI.create("http://127.0.0.1/");

    SandboxContext(SandboxConfig config, SandboxCredentials credentials) {
        this.config = config;
        this.credentials = credentials;
        this.qboLimiter = new QboRateLimiter(config.qboRequestsPerMinute(), config.qboMaxConcurrent());
    }

    private final java.util.List<java.util.function.Consumer<Scenario>> activationHooks =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Switches {@code scenario} on (replacing the same kind) and runs the one-off effects it has. */
    void activate(Scenario scenario) {
        scenarios.set(scenario, now());
        for (var hook : activationHooks) hook.accept(scenario);
    }

    /** Registers a one-off effect of switching a scenario on (e.g. ending Salesforce sessions). */
    void onActivate(java.util.function.Consumer<Scenario> hook) {
        activationHooks.add(hook);
    }

    Instant now() {
        return config.clock().instant();
    }

    URI baseUri() {
        return baseUri;
    }

    void baseUri(URI uri) {
        baseUri = uri;
    }

    /** The sandbox's root URL without a trailing slash, e.g. {@code http://127.0.0.1:8089}. */
    String root() {
        return baseUri.toString().replaceAll("/$", "");
    }

    /** {@code prefix} followed by {@code bytes} random bytes, base64url without padding. */
    String randomToken(String prefix, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    String randomHex(int chars) {
        var sb = new StringBuilder(chars);
        for (int i = 0; i < chars; i++) sb.append(Character.forDigit(random.nextInt(16), 16));
        return sb.toString();
    }

    /**
     * Applies {@code hang} (hold the request until its bound or until the sandbox stops) and {@code
     * added-latency}. Returns false when the request was hung and must be dropped without an answer.
     */
    boolean stall(SandboxVendor vendor) throws InterruptedException {
        Optional<Scenarios.Active> hang = scenarios.find(ScenarioKind.HANG, vendor);
        if (hang.isPresent()) {
            long millis =
                    hang.get().scenario().longParam("millis", config.hangLimit().toMillis());
            closing.await(millis, TimeUnit.MILLISECONDS);
            return false;
        }
        Optional<Scenarios.Active> latency = scenarios.find(ScenarioKind.ADDED_LATENCY, vendor);
        if (latency.isPresent()) {
            config.sleeper().sleep(Duration.ofMillis(latency.get().scenario().longParam("millis", 250)));
        }
        return true;
    }

    /**
     * The failure a data request gets instead of its answer under {@code throttle-storm}, {@code
     * server-errors} or {@code html-error}, if one of them is active for {@code vendor}.
     */
    Optional<SandboxResponse> preempt(SandboxVendor vendor, ErrorShapes shapes) {
        Optional<Scenarios.Active> storm = scenarios.find(ScenarioKind.THROTTLE_STORM, vendor);
        if (storm.isPresent()) return Optional.of(shapes.throttled(storm.get().scenario()));
        Optional<Scenarios.Active> errors = scenarios.find(ScenarioKind.SERVER_ERRORS, vendor);
        if (errors.isPresent()) {
            long every = errors.get().scenario().longParam("every", 1);
            if (errors.get().hits().incrementAndGet() % every == 0) {
                return Optional.of(
                        shapes.serverError((int) errors.get().scenario().longParam("status", 500)));
            }
        }
        Optional<Scenarios.Active> html = scenarios.find(ScenarioKind.HTML_ERROR, vendor);
        if (html.isPresent())
            return Optional.of(HtmlPages.error((int) html.get().scenario().longParam("status", 503)));
        return Optional.empty();
    }

    /** How one vendor words throttling and server failures. */
    interface ErrorShapes {
        SandboxResponse throttled(Scenario storm);

        SandboxResponse serverError(int status);
    }
}
