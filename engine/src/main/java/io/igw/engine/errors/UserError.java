package io.igw.engine.errors;

/**
 * A failure the person can fix: a setting out of range, something to do first, data too large for the method. The
 * engine says what is wrong in neutral words ({@link #getMessage()}); the command line words it with its flags and
 * commands, a screen with its fields and buttons, so no engine text names a flag or a command.
 */
public abstract class UserError extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    protected UserError(String message) {
        super(message);
    }
}
