package io.igw.storage;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A file the workbench writes for a person (an export, a report, a table beside it) that appears whole or not at all:
 * it is written to a hidden {@code .NAME.part} file beside it, forced to disk, and renamed over the old one in one
 * step. A kill or a full disk in the middle leaves the previous file as it was; the hidden leftover is removed by the
 * next write of the same file.
 */
public final class OutputFile {
    private OutputFile() {
    }

    /** Writes bytes to a stream. */
    @FunctionalInterface
    public interface Bytes {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes text. */
    @FunctionalInterface
    public interface Text {
        void writeTo(Writer out) throws IOException;
    }

    /** Writes {@code file} as UTF-8 text, whole or not at all. */
    public static void text(Path file, Text body) throws IOException {
        bytes(file, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            body.writeTo(w);
            w.flush();
        });
    }

    /** Writes {@code file}, whole or not at all. */
    public static void bytes(Path file, Bytes body) throws IOException {
        IoWatch.touching("writing " + file);
        Path target = file.toAbsolutePath();
        Path parent = target.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("Cannot write " + file + ": the folder " + parent + " does not exist.");
        }
        Path part = partOf(target);
        Files.deleteIfExists(part);
        try (FileChannel ch = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = Channels.newOutputStream(ch);
            body.writeTo(new java.io.FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() {
                    // the channel is closed here, after it is forced to disk
                }
            });
            out.flush();
            ch.force(true);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(part);
            throw e;
        }
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(part);
            throw e;
        }
    }

    /** The hidden file a write of {@code file} goes to first. */
    public static Path partOf(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".part");
    }

    /** Whether a folder holds a leftover of an interrupted write. */
    public static boolean hasLeftovers(Path dir) throws IOException {
        try (DirectoryStream<Path> d = Files.newDirectoryStream(dir, ".*.part")) {
            return d.iterator().hasNext();
        }
    }
}
