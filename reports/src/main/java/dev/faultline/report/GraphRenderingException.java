package dev.faultline.report;

/** A capability graph could not be rendered as an image; the message says what to install. */
public final class GraphRenderingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure with a message for the user. */
    public GraphRenderingException(String message) {
        super(message);
    }

    /** A failure with a message for the user and its cause. */
    public GraphRenderingException(String message, Throwable cause) {
        super(message, cause);
    }
}
