package dev.faultline.cli;

import dev.faultline.diff.DiffJsonWriter;
import dev.faultline.diff.DiffMarkdownWriter;
import dev.faultline.diff.DiffReport;
import dev.faultline.diff.Differ;
import dev.faultline.diff.GitTrees;
import dev.faultline.diff.Verdict;
import dev.faultline.report.SarifReportWriter;
import dev.faultline.report.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code faultline diff}: split a change into its data-plane and control-plane parts and give a verdict. */
@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = FaultlineCommand.VersionProvider.class,
        description = {"Compare two versions of an agent: the plane of every changed file and member, the capability-scope "
                + "diff, new and fixed findings, and a verdict (pass, eval-review, security-signoff, block) naming each gate and its owners.",
                "",
                "  faultline diff [--base REF] [--head REF] [PATH]   two revisions of the git repository holding PATH (default: .);",
                "      --head defaults to the working tree, --base to the merge base of HEAD with origin/HEAD, main or master.",
                "  faultline diff BASE_DIR HEAD_DIR                  two folders with the same layout."},
        footer = DiffCommand.HELP)
public final class DiffCommand implements Callable<Integer> {
    /** The exit-code section of {@code diff --help}. */
    static final String HELP = "%nExit codes:%n"
            + "  0  the verdict is below --fail-on (with the default: pass, eval-review%n"
            + "     and security-signoff), every input read%n"
            + "  1  internal error%n"
            + "  2  usage error (also: not a git repository, unknown revision)%n"
            + "  4  the verdict is at or above --fail-on (default: block)%n"
            + "  5  some inputs of either side could not be read (findings may be missing)%n";

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..2", description = "A folder in a git repository, or BASE_DIR HEAD_DIR.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--base", paramLabel = "REF", description = "Base revision (default: merge base of HEAD with the default branch).")
    Optional<String> base = Optional.empty();

    @Option(names = "--head", paramLabel = "REF", description = "Head revision (default: the working tree).")
    Optional<String> head = Optional.empty();

    @Mixin
    ScanOptions scan;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "md (a PR comment), json, sarif (new findings only) or html (the two planes side by side, with the graph) (default: ${DEFAULT-VALUE}).")
    String format = "md";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Optional<Path> output = Optional.empty();

    @Option(names = "--also", paramLabel = "FORMAT=FILE",
            description = "Also write the report in FORMAT (md, json, sarif, html) to FILE, from the same comparison. Repeatable.")
    Map<String, Path> also = new LinkedHashMap<>();

    @Option(names = "--fail-on", paramLabel = "VERDICT",
            description = "Exit 4 when the verdict is at least this: pass, eval-review, security-signoff, block, or none (default: ${DEFAULT-VALUE}).")
    String failOn = "block";

    @Option(names = "--block-on", paramLabel = "SEVERITY",
            description = "A new taint path or composition at least this severe blocks; a new critical finding always does (default: ${DEFAULT-VALUE}).")
    String blockOn = "critical";

    @Option(names = "--graph", paramLabel = "FILE",
            description = "Also draw the capability graph of the change: added nodes and edges green, removed grey and dashed. "
                    + "FILE ending in .svg or .png is rendered, anything else gets DOT.")
    Optional<Path> graph = Optional.empty();

    @Option(names = "--ignore-failed-inputs", description = "Do not exit 5 when some inputs could not be read.")
    boolean ignoreFailedInputs;

    @Override
    public Integer call() throws Exception {
        if (!List.of("md", "json", "sarif", "html").contains(format)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown --format '" + format + "' (md, json, sarif, html)");
        }
        for (String extra : also.keySet()) {
            if (!List.of("md", "json", "sarif", "html").contains(extra)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown --also format '" + extra + "' (md, json, sarif, html)");
            }
        }
        Optional<Verdict> threshold;
        Severity blockSeverity;
        try {
            threshold = failOn.equals("none") ? Optional.empty() : Optional.of(Verdict.parse(failOn));
            blockSeverity = Severity.parse(blockOn);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Differ differ = new Differ(paths.size() == 2 ? scan.pipeline() : scan.pipelineReading(paths.isEmpty() ? Path.of(".") : paths.get(0)),
                scan.maxFileBytes, blockSeverity);
        DiffReport report;
        try {
            report = paths.size() == 2 ? folders(differ) : revisions(differ);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("faultline: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        write(report);
        PrintWriter err = spec.commandLine().getErr();
        if (graph.isPresent()) {
            try {
                DiffGraph.write(report.baseReport(), report.headReport(), graph.get());
            } catch (dev.faultline.report.GraphRenderingException e) {
                err.println("faultline: " + e.getMessage());
                err.flush();
                return ExitCodes.USAGE;
            }
        }
        report.failedInputs().forEach(f -> err.println("faultline: " + f));
        err.flush();
        if (!report.failedInputs().isEmpty() && !ignoreFailedInputs) {
            return ExitCodes.INPUTS_FAILED;
        }
        return threshold.isPresent() && report.verdict().compareTo(threshold.get()) >= 0 ? ExitCodes.FINDINGS : ExitCodes.CLEAN;
    }

    private DiffReport folders(Differ differ) {
        if (base.isPresent() || head.isPresent()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either --base/--head with one PATH, or two folders");
        }
        for (Path p : paths) {
            if (!Files.isDirectory(p)) {
                throw new CommandLine.ParameterException(spec.commandLine(), p + " is not a folder");
            }
        }
        return differ.diff(display(paths.get(0)), paths.get(0), display(paths.get(1)), paths.get(1));
    }

    private DiffReport revisions(Differ differ) throws IOException {
        Path folder = paths.isEmpty() ? Path.of(".") : paths.get(0);
        if (!Files.isDirectory(folder)) {
            throw new CommandLine.ParameterException(spec.commandLine(), folder + " is not a folder");
        }
        try (GitTrees git = GitTrees.open(folder)) {
            GitTrees.Revision baseRev = base.isPresent() ? git.resolve(base.get()) : git.defaultBase();
            Optional<GitTrees.Revision> headRev = head.isPresent() ? Optional.of(git.resolve(head.get())) : Optional.empty();
            long bytes = git.size(headRev.isPresent() ? List.of(baseRev, headRev.get()) : List.of(baseRev), scan.maxFileBytes);
            try (GitTrees.Workspace workspace = GitTrees.workspace(bytes, "faultline-diff")) {
                return revisions(differ, git, workspace.root(), baseRev, headRev, folder);
            }
        }
    }

    /** Compares {@code base} with {@code head} (the working tree {@code folder} when absent), written under {@code temp}. */
    private DiffReport revisions(Differ differ, GitTrees git, Path temp, GitTrees.Revision base,
                                 Optional<GitTrees.Revision> head, Path folder) throws IOException {
        Path baseRoot = Files.createDirectories(temp.resolve("base"));
        git.materialise(base, baseRoot, scan.maxFileBytes);
        Path headRoot = folder;
        if (head.isPresent()) {
            headRoot = Files.createDirectories(temp.resolve("head"));
            git.materialise(head.get(), headRoot, scan.maxFileBytes);
        }
        return differ.diff(base.label(), baseRoot, head.map(GitTrees.Revision::label).orElse("working tree"), headRoot);
    }

    private void html(DiffReport report, Writer out) throws IOException {
        StringWriter dot = new StringWriter();
        new dev.faultline.report.DotGraphWriter().writeDiff(report.baseReport(), report.headReport(), dot);
        Optional<String> svg;
        try {
            svg = Optional.of(new dev.faultline.report.GraphRenderer().renderSvg(dot.toString()));
        } catch (dev.faultline.report.GraphRenderingException e) {
            spec.commandLine().getErr().println("faultline: the graph is shown as DOT source: " + e.getMessage());
            svg = Optional.empty();
        }
        new dev.faultline.diff.DiffHtmlWriter(svg).write(report, dot.toString(), out);
    }

    private static String display(Path p) {
        return p.toString().replace('\\', '/');
    }

    private void write(DiffReport report) throws IOException {
        OutputFile.write(render(report, format), output, spec.commandLine().getOut());
        for (Map.Entry<String, Path> extra : also.entrySet()) {
            OutputFile.write(render(report, extra.getKey()), Optional.of(extra.getValue()), spec.commandLine().getOut());
        }
    }

    private String render(DiffReport report, String as) throws IOException {
        StringWriter s = new StringWriter();
        switch (as) {
            case "json" -> new DiffJsonWriter().write(report, s);
            case "sarif" -> new SarifReportWriter().write(report.newFindingsReport(), s);
            case "html" -> html(report, s);
            default -> new DiffMarkdownWriter().write(report, s);
        }
        return s.toString();
    }
}
