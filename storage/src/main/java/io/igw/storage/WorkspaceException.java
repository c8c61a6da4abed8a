package io.igw.storage;

/**
 * A problem the person can act on (a missing workspace, one open elsewhere, a damaged file). Its message is one
 * plain sentence meant to be shown as is, without a stack trace.
 */
public class WorkspaceException extends RuntimeException {
    public WorkspaceException(String message) {
        super(message);
    }

    public WorkspaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
