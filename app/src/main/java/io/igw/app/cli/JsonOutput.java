package io.igw.app.cli;

import picocli.CommandLine.Option;

/** What every command that prints one JSON object and shows progress takes: {@code --json} and {@code --quiet}. */
final class JsonOutput {
    @Option(names = "--json", description = "Accepted for symmetry; the output is always JSON.")
    boolean json;

    @Option(names = "--quiet", description = "No progress on standard error.")
    boolean quiet;
}
