package dev.faultline.cli;

import dev.faultline.pipeline.ScanResult;
import dev.faultline.report.Evidence;
import dev.faultline.report.FlowStep;
import dev.faultline.report.ToolView;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code faultline explain TOOL}: the evidence chain behind a tool's labels. */
@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = FaultlineCommand.VersionProvider.class,
        description = "Explain why a tool has its blast radius and flags: every piece of evidence, its provenance and place.",
        footer = ExitCodes.HELP)
public final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TOOL", description = "A tool id (toolset/name) or a bare tool name.")
    String tool;

    @Parameters(index = "1..*", paramLabel = "PATH", arity = "0..*", description = "Folders or files to scan (default: .).")
    List<Path> paths = List.of(Path.of("."));

    @Mixin
    ScanOptions scan;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ScanResult result = scan.pipeline().scan(paths);
        List<ToolView> matches = result.report().tools().stream()
                .filter(t -> t.id().equals(tool) || t.name().equals(tool)).toList();
        if (matches.isEmpty()) {
            spec.commandLine().getErr().println("faultline: no tool named '" + tool + "'; known tools: "
                    + String.join(", ", result.report().tools().stream().map(ToolView::id).toList()));
            return ExitCodes.USAGE;
        }
        for (ToolView t : matches) {
            out.printf("%s  (%s, from %s)%n", t.id(), t.origin(), t.location().display());
            out.printf("  blast radius: %s  [%s]%n", t.blastRadius(), t.provenance());
            out.printf("  untrusted output: %s   private data: %s   approval required: %s%n", t.untrustedOutput(), t.privateData(),
                    t.approvalRequired());
            out.printf("  agents: %s%n", t.agents().isEmpty() ? "(none: unbound)" : String.join(", ", t.agents()));
            out.printf("  credentials: %s%n", t.credentials().isEmpty() ? "(none declared)" : String.join(", ", t.credentials()));
            out.println("  evidence:");
            for (Evidence e : t.evidence()) {
                out.printf("    - %s = %s  [%s]%s%n      %s  at %s%n", e.fact(), e.value(), e.provenance(),
                        e.rule().isEmpty() ? "" : " row " + e.rule(), e.detail(), e.location().display());
                for (FlowStep s : e.chain()) {
                    out.printf("        -> %s  (%s)%n", s.message(), s.location().display());
                }
            }
        }
        out.flush();
        return ExitCodes.CLEAN;
    }
}
