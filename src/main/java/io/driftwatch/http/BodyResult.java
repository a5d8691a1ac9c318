package io.driftwatch.http;

/**
 * What {@link CappedBodySubscriber} read.
 *
 * @param body the bytes read, or empty when {@code tooLarge}
 * @param bytesSeen bytes received, including the buffer that crossed the cap
 * @param tooLarge the body exceeded the cap and reading was cancelled
 * @param declaredLength the Content-Length header, or -1
 * @param completedAtNanos {@link System#nanoTime()} when the last byte arrived (or reading stopped)
 */
@SuppressWarnings("ArrayRecordComponent") // internal value, never compared or hashed
record BodyResult(byte[] body, long bytesSeen, boolean tooLarge, long declaredLength, long completedAtNanos) {}
