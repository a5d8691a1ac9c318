package io.driftwatch.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AttemptExpiryTest {

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void aWaitForHeadersIsInterruptedOnceAndCloseClearsIt() {
        var handler = new CappedBodyHandler(1024, false);
        var expiry = new AttemptExpiry(handler);

        expiry.expire();
        expiry.expire();

        assertThat(handler.expired()).isTrue();
        assertThat(expiry.interrupted()).isTrue();
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        expiry.close();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void nothingHappensOnceTheAttemptIsClosed() {
        var handler = new CappedBodyHandler(1024, false);
        var expiry = new AttemptExpiry(handler);

        expiry.close();
        expiry.expire();

        assertThat(handler.expired()).isFalse();
        assertThat(expiry.interrupted()).isFalse();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aBodyBeingReadIsFailedWithoutAnInterrupt() {
        var handler = new CappedBodyHandler(1024, false);
        handler.apply(new TestResponseInfo(200));
        var expiry = new AttemptExpiry(handler);

        expiry.expire();

        assertThat(handler.expired()).isTrue();
        assertThat(expiry.interrupted()).isFalse();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        expiry.close();
    }

    @Test
    void closeKeepsAnInterruptThatWasNotTheDeadlines() {
        var expiry = new AttemptExpiry(new CappedBodyHandler(1024, false));
        Thread.currentThread().interrupt();

        expiry.close();

        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    private record TestResponseInfo(int statusCode) implements HttpResponse.ResponseInfo {
        @Override
        public HttpHeaders headers() {
            return HttpHeaders.of(Map.of(), (a, b) -> true);
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
