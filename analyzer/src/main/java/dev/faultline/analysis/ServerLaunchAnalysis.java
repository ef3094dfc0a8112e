package dev.faultline.analysis;

import dev.faultline.doc.DocMap;
import dev.faultline.doc.DocNode;
import dev.faultline.model.Server;
import dev.faultline.report.Finding;
import dev.faultline.rules.Rule;
import dev.faultline.rules.RuleCatalog;
import dev.faultline.rules.RuleFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * MCP servers launched from a package that is not pinned ({@code npx -y pkg}, {@code pkg@latest},
 * a docker image without a tag or digest): whoever publishes the next version changes what the agent
 * runs, with its credentials. The launchers and what "pinned" means for each are the rule body's.
 */
public final class ServerLaunchAnalysis extends ServerAnalysis {

    @Override
    public String kind() {
        return "server-launch";
    }

    private record Launcher(String command, Set<String> subcommands, Set<String> flagsWithValues, Pattern pinned) {
    }

    @Override
    public List<Finding> run(Rule rule, AnalysisContext ctx) {
        List<Launcher> launchers = launchers(rule.body());
        List<Finding> findings = new ArrayList<>();
        for (Server s : ctx.model().servers()) {
            String cmd = baseCommand(s);
            for (Launcher l : launchers) {
                if (!l.command().equals(cmd)) {
                    continue;
                }
                String spec = packageSpec(s.args(), l);
                if (spec.isEmpty() || l.pinned().matcher(spec).find()) {
                    continue;
                }
                findings.add(finding(rule, s.name(), s.location(), Map.of("server", s.name(), "package", spec, "launcher", cmd)));
            }
        }
        return findings;
    }

    private static String packageSpec(List<String> args, Launcher l) {
        boolean skipNext = false;
        for (String a : args) {
            if (skipNext) {
                skipNext = false;
                continue;
            }
            if (a.startsWith("-")) {
                skipNext = l.flagsWithValues().contains(a);
                continue;
            }
            if (l.subcommands().contains(a)) {
                continue;
            }
            return a;
        }
        return "";
    }

    private static List<Launcher> launchers(DocMap body) {
        List<Launcher> out = new ArrayList<>();
        for (DocNode n : body.list("launchers").map(l -> l.items()).orElse(List.of())) {
            DocMap m = n.asMap().orElseThrow(() -> new RuleFileException("a launcher must be a mapping", n.location()));
            String pinned = m.string("pinned").orElseThrow(() -> new RuleFileException("launcher needs 'pinned'", m.location()));
            out.add(new Launcher(m.string("command").orElseThrow(() -> new RuleFileException("launcher needs 'command'", m.location())),
                    Set.copyOf(RuleCatalog.strings(m, "subcommands")), Set.copyOf(RuleCatalog.strings(m, "flags-with-values")),
                    Pattern.compile(pinned)));
        }
        return out;
    }
}
