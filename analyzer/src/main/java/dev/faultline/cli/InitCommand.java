package dev.faultline.cli;

import dev.faultline.pipeline.ScanResult;
import dev.faultline.report.AgentView;
import dev.faultline.report.ToolView;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code faultline init}: write a commented starting {@code faultline.yaml} for the tree it finds. */
@Command(name = "init", mixinStandardHelpOptions = true, versionProvider = FaultlineCommand.VersionProvider.class,
        description = "Scan a folder and write a starting faultline.yaml in it: the agents and toolsets found, "
                + "owners and entry points to fill in, approval gates to consider.",
        footer = ExitCodes.HELP)
public final class InitCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "The project folder (default: .).")
    Path dir = Path.of(".");

    @Mixin
    ScanOptions scan;

    @Option(names = "--force", description = "Overwrite an existing faultline.yaml.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        Path target = dir.resolve("faultline.yaml");
        if (Files.exists(target) && !force) {
            spec.commandLine().getErr().println("faultline: " + target + " exists; use --force to overwrite it");
            return ExitCodes.USAGE;
        }
        ScanResult result = scan.pipeline().scan(List.of(dir));
        Files.writeString(target, manifest(result), StandardCharsets.UTF_8);
        spec.commandLine().getOut().printf("wrote %s: %d agents, %d tools; fill in owners and entry points, then run "
                + "`faultline scan %s`%n", target, result.report().agents().size(), result.report().tools().size(), dir);
        spec.commandLine().getOut().flush();
        return ExitCodes.CLEAN;
    }

    /** The starting manifest text for a scanned tree. */
    static String manifest(ScanResult result) {
        StringBuilder b = new StringBuilder();
        b.append("# faultline.yaml — what Faultline should know about these agents (see the README).\n")
                .append("# Written by `faultline init`; edit it and commit it next to the code.\n")
                .append("version: 1\n")
                .append("owners:\n")
                .append("  control-plane: []   # e.g. [\"@your-org/security\"]: sign off new authority (tools, credentials, servers)\n")
                .append("  data-plane: []      # e.g. [\"@your-org/prompt-owners\"]: review prompt and eval changes\n")
                .append("scan:\n")
                .append("  exclude: []         # globs relative to this file, e.g. [\"test-fixtures/**\"]\n")
                .append("agents:\n");
        List<AgentView> agents = result.report().agents();
        for (AgentView a : agents) {
            b.append("  - name: ").append(quote(a.name())).append('\n');
            b.append("    description: ").append(quote(a.declared() ? a.description() : "TODO: what this agent does")).append('\n');
            b.append("    # Where does its work come from? Mark sources outsiders can write (email, tickets, web, chat) untrusted.\n");
            b.append("    entry-points: []    # e.g. [{name: inbound-email, trust: untrusted, description: customer email}]\n");
            if (a.declared()) {
                b.append("    # its tools are bound in code: ").append(String.join(", ", a.tools())).append('\n');
            } else {
                TreeSet<String> toolsets = new TreeSet<>();
                result.report().tools().stream().filter(t -> a.tools().contains(t.id())).forEach(t -> toolsets.add(t.toolset()));
                b.append("    tools:\n");
                toolsets.forEach(ts -> b.append("      - ").append(quote(ts + "/*")).append('\n'));
            }
        }
        List<ToolView> dangerous = result.report().tools().stream()
                .filter(t -> t.blastRadius().equals("irreversible") || t.blastRadius().equals("privileged")).toList();
        b.append("# Tools whose effect cannot be undone or that change authority. Consider a human approval gate:\n");
        b.append("approvals: []\n");
        for (ToolView t : dangerous) {
            b.append("#  - tool: ").append(quote(t.id())).append("   # ").append(t.blastRadius()).append(" (").append(t.provenance())
                    .append(")\n#    reason: \"TODO: who confirms, where\"\n");
        }
        b.append("# Correct a classification that is wrong, with the reason (it wins over every other fact):\n");
        b.append("overrides: []\n");
        b.append("# Accept a finding, with the reason (it stays in the report as suppressed):\n");
        b.append("suppressions: []\n");
        return b.toString();
    }

    /** A YAML double-quoted scalar; control and invisible characters are written as escapes. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            if (cp == '"' || cp == '\\') {
                b.append('\\').appendCodePoint(cp);
            } else if (cp < 0x20 || cp == 0x7f || Character.getType(cp) == Character.FORMAT || cp > 0xffff) {
                b.append(cp > 0xffff ? String.format("\\U%08x", cp) : String.format("\\u%04x", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.append('"').toString();
    }
}
