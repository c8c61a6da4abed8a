package io.igw.viz.graph;

import io.igw.engine.explore.Subgraph;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.function.Consumer;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javax.imageio.ImageIO;
import org.graphstream.graph.Graph;
import org.graphstream.graph.Node;
import org.graphstream.graph.implementations.MultiGraph;
import org.graphstream.ui.fx_viewer.FxDefaultView;
import org.graphstream.ui.fx_viewer.FxViewer;
import org.graphstream.ui.graphicGraph.GraphicElement;
import org.graphstream.ui.javafx.FxGraphRenderer;
import org.graphstream.ui.view.util.InteractiveElement;

/**
 * The explorer's drawing surface: GraphStream's JavaFX viewer, built by hand (FxViewer + FxGraphRenderer in a pane
 * of its own; {@code graph.display()} would launch a second JavaFX application) with its own layout turned off:
 * positions come from the engine. It holds only the subgraph it is given, labels only the most important nodes,
 * draws at most the {@link #DRAWN_EDGES} strongest edges, and reports clicks and double-clicks on nodes by their
 * key. Call it on the FX thread.
 */
public final class GraphCanvas extends StackPane {
    /** How many nodes carry a label at most; the rest show theirs when selected. */
    static final int LABELLED = 60;
    /** How many edges are drawn at most: the strongest; the rest still count for degrees and the layout. */
    static final int DRAWN_EDGES = 4000;
    /** Above this many nodes, shapes are drawn without anti-aliasing (software rendering pays dearly for it). */
    static final int SMOOTH_UP_TO = 600;

    private final Graph graph = new MultiGraph("explorer", false, true, 4096, 16384);
    private final FxViewer viewer;
    private final FxDefaultView view;
    private Subgraph shown = Subgraph.empty();
    private Consumer<String> onSelect = key -> { };
    private Consumer<String> onOpen = key -> { };

    public GraphCanvas() {
        graph.setAttribute("ui.stylesheet", Styles.SHEET);
        graph.setAttribute("ui.antialias");
        viewer = new FxViewer(graph, FxViewer.ThreadingModel.GRAPH_IN_GUI_THREAD);
        viewer.disableAutoLayout();
        view = (FxDefaultView) viewer.addView(FxViewer.DEFAULT_VIEW_ID, new FxGraphRenderer());
        getChildren().add(view);
        view.setOnMouseClicked(e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            GraphicElement hit = view.findGraphicElementAt(EnumSet.of(InteractiveElement.NODE), e.getX(), e.getY());
            if (hit != null) {
                (e.getClickCount() >= 2 ? onOpen : onSelect).accept(hit.getId());
            }
        });
    }

    public void onSelect(Consumer<String> handler) {
        onSelect = handler;
    }

    /** Double-click: the explorer re-centres on the node. */
    public void onOpen(Consumer<String> handler) {
        onOpen = handler;
    }

    public Subgraph shown() {
        return shown;
    }

    /** Shows a subgraph: sizes by score or by degree, colours by kind or by community. */
    public void show(Subgraph subgraph, boolean sizeByDegree, boolean colourByCommunity) {
        graph.clear();
        graph.setAttribute("ui.stylesheet", Styles.SHEET);
        if (subgraph.nodes().size() <= SMOOTH_UP_TO) {
            graph.setAttribute("ui.antialias");
        }
        shown = subgraph;
        boolean[] labelled = mostImportant(subgraph, subgraph.degrees());
        for (int i = 0; i < subgraph.nodes().size(); i++) {
            Subgraph.Node n = subgraph.nodes().get(i);
            Node node = graph.addNode(n.key());
            if (labelled[i]) {
                node.setAttribute("ui.label", clip(n.label()));
            }
        }
        restyle(sizeByDegree, colourByCommunity);
        for (int k : strongestEdges(subgraph)) {
            Subgraph.Edge e = subgraph.edges().get(k);
            var edge = graph.addEdge("e" + k, subgraph.nodes().get(e.from()).key(), subgraph.nodes().get(e.to()).key());
            edge.setAttribute("ui.size", (float) (0.5 + 2.5 * e.weight()));
            edge.setAttribute("ui.color", (float) Math.min(1, e.weight()));
        }
    }

    /**
     * Sizes the shown nodes by score or degree and colours them by kind or community, in place: switching either
     * never rebuilds GraphStream's graph.
     */
    public void restyle(boolean sizeByDegree, boolean colourByCommunity) {
        int[] degree = shown.degrees();
        int maxDegree = Arrays.stream(degree).max().orElse(1);
        for (int i = 0; i < shown.nodes().size(); i++) {
            Subgraph.Node n = shown.nodes().get(i);
            Node node = graph.getNode(n.key());
            double importance = sizeByDegree ? (double) degree[i] / Math.max(1, maxDegree) : Math.min(1, n.score());
            node.setAttribute("ui.class", i == shown.centre() ? "centre"
                    : Styles.classOf(n.kind(), colourByCommunity ? n.community() : null));
            node.setAttribute("ui.size", (float) Math.round(8 + 22 * Math.sqrt(importance)));
        }
    }

    /** Moves the nodes to the engine's positions ({@code [x0, y0, x1, y1, ...]}), in the shown subgraph's order. */
    public void place(double[] positions) {
        int n = Math.min(shown.nodes().size(), positions.length / 2);
        for (int i = 0; i < n; i++) {
            Node node = graph.getNode(shown.nodes().get(i).key());
            if (node != null) {
                node.setAttribute("xyz", positions[2 * i], positions[2 * i + 1], 0);
            }
        }
    }

    /** Marks one node as selected (and labels it). */
    public void highlight(String key) {
        graph.nodes().forEach(n -> n.removeAttribute("ui.selected"));
        Node node = key == null ? null : graph.getNode(key);
        if (node != null) {
            node.setAttribute("ui.selected");
            shown.nodes().stream().filter(n -> n.key().equals(key)).findFirst()
                    .ifPresent(n -> node.setAttribute("ui.label", clip(n.label())));
        }
    }

    /** Draws one frame and rasterises it, returning the milliseconds it took: the explorer's frame time. */
    public double measureFrameMillis() {
        long t0 = System.nanoTime();
        view.render(view.getGraphics());
        snapshot(null, null);
        return (System.nanoTime() - t0) / 1e6;
    }

    /** Saves what is shown as a PNG. */
    public void exportPng(Path file) throws IOException {
        WritableImage image = snapshot(null, null);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    }

    /** Stops the viewer's timer; the canvas cannot be used afterwards. */
    public void close() {
        viewer.close();
    }

    private static int[] strongestEdges(Subgraph g) {
        int m = g.edges().size();
        if (m <= DRAWN_EDGES) {
            return java.util.stream.IntStream.range(0, m).toArray();
        }
        return java.util.stream.IntStream.range(0, m).boxed()
                .sorted((a, b) -> Double.compare(g.edges().get(b).weight(), g.edges().get(a).weight()))
                .limit(DRAWN_EDGES).mapToInt(Integer::intValue).toArray();
    }

    private static boolean[] mostImportant(Subgraph g, int[] degree) {
        int n = g.nodes().size();
        boolean[] out = new boolean[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(degree[b] + g.nodes().get(b).score(), degree[a] + g.nodes().get(a).score()));
        for (int k = 0; k < Math.min(LABELLED, n); k++) {
            out[order[k]] = true;
        }
        if (g.centre() >= 0) {
            out[g.centre()] = true;
        }
        return out;
    }

    private static String clip(String label) {
        return label.length() <= 32 ? label : label.substring(0, 31) + "…";
    }
}
