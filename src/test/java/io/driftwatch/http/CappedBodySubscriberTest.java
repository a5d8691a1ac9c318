package io.driftwatch.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/** The cap is enforced buffer by buffer: nothing past one buffer over the cap is ever requested. */
class CappedBodySubscriberTest {
    private static final int CHUNK = 64 * 1024;

    /** Publishes up to {@code total} bytes, one chunk per requested item, counting what was asked for. */
    private static final class ChunkPublisher implements Flow.Subscription {
        private final CappedBodySubscriber subscriber;
        private final long total;
        long sent;
        long requested;
        boolean cancelled;

        ChunkPublisher(CappedBodySubscriber subscriber, long total) {
            this.subscriber = subscriber;
            this.total = total;
        }

        @Override
        public void request(long n) {
            requested += n;
            // synchronous delivery, as a real publisher may do from within request()
            while (requested > 0 && !cancelled && sent < total) {
                requested--;
                sent += CHUNK;
                subscriber.onNext(List.of(ByteBuffer.allocate(CHUNK)));
            }
            if (!cancelled && sent >= total) subscriber.onComplete();
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    @Test
    void twentyMegabytesAgainstAFiveMegabyteCapStopsAfterOneExtraChunk() {
        long cap = 5L * 1024 * 1024;
        var subscriber = new CappedBodySubscriber(cap, -1);
        var publisher = new ChunkPublisher(subscriber, 20L * 1024 * 1024);

        subscriber.onSubscribe(publisher);

        BodyResult r = subscriber.getBody().toCompletableFuture().join();
        assertThat(r.tooLarge()).isTrue();
        assertThat(r.body()).isEmpty();
        assertThat(r.bytesSeen()).isEqualTo(cap + CHUNK);
        assertThat(publisher.sent).isEqualTo(cap + CHUNK);
        assertThat(publisher.cancelled).isTrue();
    }

    @Test
    void bodyUnderTheCapIsReadWhole() {
        var subscriber = new CappedBodySubscriber(1024 * 1024, -1);
        var publisher = new ChunkPublisher(subscriber, 3L * CHUNK);

        subscriber.onSubscribe(publisher);

        BodyResult r = subscriber.getBody().toCompletableFuture().join();
        assertThat(r.tooLarge()).isFalse();
        assertThat(r.body()).hasSize(3 * CHUNK);
        assertThat(r.bytesSeen()).isEqualTo(3L * CHUNK);
        assertThat(publisher.cancelled).isFalse();
    }

    @Test
    void declaredLengthOverTheCapReadsNothing() {
        var subscriber = new CappedBodySubscriber(1024, 4096);
        var publisher = new ChunkPublisher(subscriber, 4096);

        subscriber.onSubscribe(publisher);

        BodyResult r = subscriber.getBody().toCompletableFuture().join();
        assertThat(r.tooLarge()).isTrue();
        assertThat(r.bytesSeen()).isZero();
        assertThat(publisher.sent).isZero();
        assertThat(publisher.cancelled).isTrue();
    }
}
