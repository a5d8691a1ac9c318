package io.driftwatch.http;

import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body into memory up to {@code cap} bytes. One buffer is requested at a time; when a
 * buffer takes the total past the cap the subscription is cancelled (the client closes the connection)
 * and the result is "too large" with the bytes counted so far, so memory never exceeds the cap however
 * large the body. A Content-Length already over the cap is refused before any byte is read.
 *
 * <p>Signals arrive serially (Flow contract); {@link #cancel()} may be called from another thread.
 */
final class CappedBodySubscriber implements HttpResponse.BodySubscriber<BodyResult> {
    private static final int INITIAL_CAPACITY = 8 * 1024;

    private final long cap;
    private final long declaredLength;
    private final CompletableFuture<BodyResult> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private volatile boolean stopped;
    private volatile long bytesSeen;
    private byte[] buffer;
    private int length;

    /**
     * @param declaredLength the Content-Length, or -1 when unknown or not meaningful (HEAD, 204, 304)
     */
    CappedBodySubscriber(long cap, long declaredLength) {
        this.cap = cap;
        this.declaredLength = declaredLength;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (stopped) {
            s.cancel();
        } else if (declaredLength > cap) {
            stopTooLarge();
        } else {
            long expected = declaredLength >= 0 ? declaredLength : INITIAL_CAPACITY;
            buffer = new byte[(int) Math.min(Math.min(expected, cap), Integer.MAX_VALUE - 8)];
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (stopped) return;
        for (ByteBuffer b : items) {
            int n = b.remaining();
            long seen = bytesSeen + n;
            bytesSeen = seen;
            if (seen > cap) {
                stopTooLarge();
                return;
            }
            ensureCapacity(length + n);
            b.get(buffer, length, n);
            length += n;
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable t) {
        stopped = true;
        buffer = null;
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        if (stopped) return;
        stopped = true;
        byte[] body = buffer == null ? new byte[0] : length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
        buffer = null;
        result.complete(new BodyResult(body, bytesSeen, false, declaredLength, System.nanoTime()));
    }

    @Override
    public CompletionStage<BodyResult> getBody() {
        return result;
    }

    /** Bytes received so far (safe from any thread). */
    long bytesSeen() {
        return bytesSeen;
    }

    /** Stops reading (the caller gave up waiting); the pending result is left as it is. */
    void cancel() {
        stopped = true;
        Flow.Subscription s = subscription;
        if (s != null) s.cancel();
    }

    /**
     * Stops reading because the run's deadline passed: the body fails with an {@link HttpTimeoutException},
     * so the client's {@code send} returns at once. A body completed just before keeps its result.
     */
    void expire() {
        cancel();
        result.completeExceptionally(new HttpTimeoutException("deadline passed while reading the response body"));
    }

    private void stopTooLarge() {
        stopped = true;
        buffer = null;
        subscription.cancel();
        result.complete(new BodyResult(new byte[0], bytesSeen, true, declaredLength, System.nanoTime()));
    }

    private void ensureCapacity(int needed) {
        if (needed <= buffer.length) return;
        long grown = Math.max(needed, Math.min((long) buffer.length * 2, cap));
        buffer = Arrays.copyOf(buffer, (int) Math.min(grown, Integer.MAX_VALUE - 8));
    }
}
