package io.igw.engine.errors;

/**
 * An audience smaller than the export's minimum: ad platforms refuse tiny audiences so that no one can be singled
 * out, and the export refuses them first. The command line and the window word the remedy with their own setting.
 */
public final class AudienceTooSmall extends UserError {
    private static final long serialVersionUID = 1L;

    private final int size;
    private final int minimum;

    public AudienceTooSmall(int size, int minimum) {
        super(String.format(java.util.Locale.ROOT, "The audience has %,d %s, fewer than the %,d an export needs: ad platforms refuse "
                + "smaller audiences so that no one can be singled out, and nothing was written. Widen the audience, or lower "
                + "the minimum", size, size == 1 ? "person" : "people", minimum));
        this.size = size;
        this.minimum = minimum;
    }

    public int size() {
        return size;
    }

    public int minimum() {
        return minimum;
    }
}
