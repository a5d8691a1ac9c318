package io.driftwatch.http;

/**
 * Ends one attempt when the run's deadline passes ({@link #expire}, called by {@link BodyDeadlines}): a
 * body being read fails at once ({@link CappedBodyHandler#expire}), and a thread still waiting in {@code
 * HttpClient.send} for the headers is interrupted, which makes the client cancel the exchange.
 *
 * <p>The interrupt is delivered only while the attempt is open: {@link #close}, called by the sending
 * thread once {@code send} has returned or thrown, and {@link #expire} take one lock, so after {@code
 * close} no interrupt can arrive, and an interrupt that arrived after {@code send} had already returned
 * is cleared there instead of being left for the next blocking call of the run.
 */
final class AttemptExpiry {
    private final CappedBodyHandler handler;
    private final Thread sender;
    private boolean closed; // guarded by this
    private boolean interrupted; // guarded by this

    /** For the attempt about to be sent by the current thread. */
    AttemptExpiry(CappedBodyHandler handler) {
        this.handler = handler;
        this.sender = Thread.currentThread();
    }

    /** The run's deadline passed; quick and non-blocking (it runs on the watcher thread). */
    synchronized void expire() {
        if (closed) return;
        handler.expire();
        if (handler.info() == null && !interrupted) {
            interrupted = true;
            sender.interrupt();
        }
    }

    /** Whether the deadline interrupted the sending thread (then an {@link InterruptedException} is ours). */
    synchronized boolean interrupted() {
        return interrupted;
    }

    /**
     * The attempt is over; no interrupt is delivered after this. Must be called on the sending thread, which
     * it leaves without the deadline's interrupt.
     */
    synchronized void close() {
        closed = true;
        if (interrupted) Thread.interrupted();
    }
}
