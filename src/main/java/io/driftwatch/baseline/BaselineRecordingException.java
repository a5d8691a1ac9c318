package io.driftwatch.baseline;

/** Recording could not produce a baseline (a sample failed, or samples disagree). The message is API. */
public final class BaselineRecordingException extends Exception {
    private static final long serialVersionUID = 1L;

    public BaselineRecordingException(String message) {
        super(message);
    }
}
