package io.igw.app.ui.kit;

import java.nio.file.Path;
import javafx.scene.Node;

/**
 * One screen of the workbench for an open workspace: its place in the navigation (title and icon), its view, and
 * what it does when it is shown, when a file is dropped on the window and when its workspace closes.
 */
public interface Screen {
    Section section();

    Node view();

    /** Called each time the screen is shown: re-read what may have changed, in the background. */
    default void shown() {
    }

    /** Whether this screen takes files dropped on the window (the Data screen imports them). */
    default boolean takesDroppedFiles() {
        return false;
    }

    /** A file dropped on the window, for a screen that {@link #takesDroppedFiles() takes them}. */
    default void dropped(Path file) {
    }

    /** The workspace is closing: stop and cancel whatever runs. */
    default void close() {
    }

    /** A screen from its parts. */
    static Screen of(Section section, Node view, Runnable shown, Runnable close) {
        return new Screen() {
            @Override
            public Section section() {
                return section;
            }

            @Override
            public Node view() {
                return view;
            }

            @Override
            public void shown() {
                shown.run();
            }

            @Override
            public void close() {
                close.run();
            }
        };
    }
}
