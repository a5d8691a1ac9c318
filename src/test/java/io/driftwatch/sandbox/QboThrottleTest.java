package io.driftwatch.sandbox;

import static io.driftwatch.sandbox.SandboxClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.driftwatch.testing.MutableClock;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QboThrottleTest {
    @TempDir
    static Path keys;

    private final MutableClock clock = new MutableClock();
    private final GateSleeper sleeper = new GateSleeper();
    private Sandbox sandbox;

    @AfterEach
    void stop() {
        sleeper.open();
        if (sandbox != null) sandbox.close();
    }

    @Test
    void defaultsAreIntuitsDocumentedLimits() {
        SandboxConfig config = SandboxConfig.defaults();
        assertThat(config.qboRequestsPerMinute()).isEqualTo(500);
        assertThat(config.qboMaxConcurrent()).isEqualTo(10);
    }

    @Test
    void requestsPastThePerMinuteLimitGet429UntilTheWindowSlides() throws Exception {
        sandbox = Sandbox.start(SandboxConfig.builder()
                .clock(clock)
                .keyDirectory(keys)
                .qboRequestsPerMinute(20)
                .build());
        var client = new SandboxClient(sandbox);
        String token = client.qboAccessToken();
        for (int i = 0; i < 20; i++) {
            assertThat(client.qbo(token, "/invoice/130").statusCode()).isEqualTo(200);
            clock.advance(Duration.ofSeconds(1));
        }

        HttpResponse<String> throttled = client.qbo(token, "/invoice/130");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(json(throttled).at("/Fault/Error/0/code").asText()).isEqualTo("3001");
        assertThat(json(throttled).at("/Fault/Error/0/Message").asText())
                .isEqualTo("message=ThrottleExceeded; errorCode=003001; statusCode=429");

        clock.advance(Duration.ofSeconds(40)); // the first request is now 60 s old and leaves the window
        assertThat(client.qbo(token, "/invoice/130").statusCode()).isEqualTo(200);
        assertThat(client.qbo(token, "/invoice/130").statusCode()).isEqualTo(429);
        assertThat(sandbox.stats().qboApiRequests()).isEqualTo(21);
        assertThat(sandbox.stats().qboThrottled()).isEqualTo(2);
    }

    @Test
    void theEleventhConcurrentRequestGets429() throws Exception {
        sandbox = Sandbox.start(SandboxConfig.builder()
                .clock(clock)
                .keyDirectory(keys)
                .sleeper(sleeper.close())
                .build());
        var client = new SandboxClient(sandbox);
        String token = client.qboAccessToken();
        sandbox.setScenario(Scenario.of("added-latency", java.util.Map.of("millis", "1")));
        var running = new ArrayList<CompletableFuture<HttpResponse<String>>>();
        for (int i = 0; i < 10; i++) {
            running.add(CompletableFuture.supplyAsync(() -> client.qbo(token, "/invoice/130")));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.stats().qboInFlight() == 10);

        HttpResponse<String> eleventh = client.qbo(token, "/invoice/130");
        assertThat(eleventh.statusCode()).isEqualTo(429);
        assertThat(json(eleventh).at("/Fault/Error/0/code").asText()).isEqualTo("3001");

        sleeper.open();
        for (var f : running) assertThat(f.get().statusCode()).isEqualTo(200);
        assertThat(sandbox.stats().qboPeakConcurrent()).isEqualTo(11);
        assertThat(sandbox.stats().qboThrottled()).isEqualTo(1);
        assertThat(sandbox.stats().qboInFlight()).isZero();
    }
}
