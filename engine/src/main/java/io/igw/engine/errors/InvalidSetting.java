package io.igw.engine.errors;

/**
 * A setting a job was given is out of its range. {@link #setting()} names it by its key (such as {@code k},
 * {@code epochs} or {@code min_support}); {@link #problem()} says what it must be, and the value given.
 */
public final class InvalidSetting extends UserError {
    private static final long serialVersionUID = 1L;

    private final String setting;
    private final String problem;
    private final String conflictsWith;

    public InvalidSetting(String setting, String problem) {
        this(setting, problem, null);
    }

    private InvalidSetting(String setting, String problem, String conflictsWith) {
        super(setting.replace('_', ' ') + " " + problem);
        this.setting = setting;
        this.problem = problem;
        this.conflictsWith = conflictsWith;
    }

    /** Two settings were given that exclude each other. */
    public static InvalidSetting conflict(String setting, String other) {
        return new InvalidSetting(setting, "cannot be given with " + other.replace('_', ' ') + ": choose one", other);
    }

    /** The setting this one cannot be given with, or null. */
    public String conflictsWith() {
        return conflictsWith;
    }

    /** Checks a whole number is at least {@code least}. */
    public static void atLeast(String setting, long value, long least) {
        if (value < least) {
            throw new InvalidSetting(setting, "must be at least " + least + ", not " + value);
        }
    }

    /** Checks a number lies in {@code [low, high]}. */
    public static void within(String setting, double value, double low, double high) {
        if (!(value >= low && value <= high)) {
            throw new InvalidSetting(setting, "must be between " + plain(low) + " and " + plain(high) + ", not " + plain(value));
        }
    }

    private static String plain(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? String.valueOf((long) x) : String.valueOf(x);
    }

    public String setting() {
        return setting;
    }

    public String problem() {
        return problem;
    }
}
