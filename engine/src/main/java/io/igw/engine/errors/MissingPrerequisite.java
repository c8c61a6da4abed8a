package io.igw.engine.errors;

/** Something has to be done before this job can run: import events, build the graph, train a model. */
public final class MissingPrerequisite extends UserError {
    private static final long serialVersionUID = 1L;

    /** What is missing. */
    public enum Need {
        /** No behaviour log has been imported. */
        EVENTS("The workspace has no events yet: import a behaviour log first."),
        /** No interest graph has been built. */
        GRAPH("No interest graph has been built yet: build one first."),
        /** No model (of {@link #model()}'s kind, when given) has been trained. */
        MODEL("No model has been trained in this workspace yet: train one first."),
        /** Learned user vectors come from an autoencoder or DeepWalk model. */
        USER_VECTORS("Learned user vectors come from a trained sequence, autoencoder or DeepWalk model: train one first."),
        /** The Spark engine (the spark module) is not on the class path. */
        SPARK("This runs on Apache Spark, which this installation does not include: run it from a source checkout, "
                + "whose launcher builds the spark module and adds it.");

        private final String words;

        Need(String words) {
            this.words = words;
        }
    }

    private final Need need;
    private final String model;

    public MissingPrerequisite(Need need) {
        this(need, null);
    }

    private MissingPrerequisite(Need need, String model) {
        super(model == null ? need.words : "No " + model + " model has been trained in this workspace yet: train one first.");
        this.need = need;
        this.model = model;
    }

    /** No model of this kind (any, when null) is in the registry. */
    public static MissingPrerequisite model(String kind) {
        return new MissingPrerequisite(Need.MODEL, kind);
    }

    public Need need() {
        return need;
    }

    /** The kind of model wanted, or null for any. */
    public String model() {
        return model;
    }
}
