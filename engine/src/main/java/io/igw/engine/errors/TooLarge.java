package io.igw.engine.errors;

/** The data is too large for what was asked; the message says how large, the limit, and what to use instead. */
public final class TooLarge extends UserError {
    private static final long serialVersionUID = 1L;

    public TooLarge(String message) {
        super(message);
    }
}
