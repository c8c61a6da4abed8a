package io.igw.engine.graph;

/**
 * The one declaration of a graph build's column files ({@code graphs/B<id>/}): what each holds and its name. The
 * builder writes them and {@link InterestGraph} reads them through these names only.
 */
public final class GraphColumns {
    /** Evidence pairs kept per interest edge. */
    public static final int EVIDENCE = 3;

    /** Every user, in the order first seen (long). */
    public static final String USER_IDS = "user_ids";
    /** Every item (long). */
    public static final String ITEM_IDS = "item_ids";
    /** Each item's first category (long). */
    public static final String ITEM_CATEGORY = "item_category";
    /** Every category with an interest (long). */
    public static final String CATEGORY_IDS = "category_ids";
    /** Every brand (string). */
    public static final String BRAND_NAMES = "brand_names";
    /** Every tag node: a concept, named by its head (string). */
    public static final String TAG_NAMES = "tag_names";
    /** Each tag node's surface forms, head first, joined by {@link TagConcepts#FORM_SEPARATOR} (string; absent in older builds). */
    public static final String TAG_FORMS = "tag_forms";
    /** User u's interests are edges [edge_start[u], edge_start[u+1]) (int). */
    public static final String EDGE_START = "edge_start";
    /** An interest's GraphKind code (byte). */
    public static final String EDGE_KIND = "edge_kind";
    /** Its category, tag, brand or item slot (int). */
    public static final String EDGE_TARGET = "edge_target";
    /** The user's share (float). */
    public static final String EDGE_SCORE = "edge_score";
    /** Its decayed behaviour weight (float). */
    public static final String EDGE_WEIGHT = "edge_weight";
    /** Its latest event, epoch ms (long). */
    public static final String EDGE_LAST = "edge_last";
    /** EVIDENCE pair slots per edge, -1 for none (int). */
    public static final String EDGE_EVIDENCE = "edge_evidence";
    /** (user, item) pairs: the user slot (int). */
    public static final String PAIR_USER = "pair_user";
    /** The item slot (int). */
    public static final String PAIR_ITEM = "pair_item";
    /** Summed decayed weight (float). */
    public static final String PAIR_WEIGHT = "pair_weight";
    /** Latest event (long). */
    public static final String PAIR_LAST = "pair_last";
    /** The strongest event's weight (float). */
    public static final String PAIR_BEST_WEIGHT = "pair_best_weight";
    /** Its behaviour code (byte). */
    public static final String PAIR_BEST_BEHAVIOUR = "pair_best_behaviour";
    /** Its time (long). */
    public static final String PAIR_BEST_TIME = "pair_best_time";
    /** As-of time, events and events skipped (long[3]). */
    public static final String STATE = "state";
    /** Item-pair co-occurrence keys, a << 32 | b (long). */
    public static final String COOC_KEY = "cooc_key";
    /** Sessions holding both (int). */
    public static final String COOC_COUNT = "cooc_count";
    /** Sessions per item (int). */
    public static final String COOC_ITEM_SESSIONS = "cooc_item_sessions";
    /** All sessions counted (long[1]). */
    public static final String COOC_SESSIONS = "cooc_sessions";
    /** Item i's links are [link_start[i], link_start[i+1]) (int). */
    public static final String LINK_START = "link_start";
    /** The linked item slot (int). */
    public static final String LINK_ITEM = "link_item";
    /** The link's lift (float). */
    public static final String LINK_LIFT = "link_lift";
    /** Category links: one category slot (int). */
    public static final String CATEGORY_LINK_A = "category_link_a";
    /** The other (int). */
    public static final String CATEGORY_LINK_B = "category_link_b";
    /** Their lift (float). */
    public static final String CATEGORY_LINK_LIFT = "category_link_lift";
    /** The catalogue version the items' facts came from (string[1]). */
    public static final String CATALOGUE_VERSION = "catalogue_version";

    private GraphColumns() {
    }
}
