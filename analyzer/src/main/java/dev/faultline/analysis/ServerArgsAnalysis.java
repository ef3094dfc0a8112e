package dev.faultline.analysis;

import dev.faultline.model.Server;
import dev.faultline.report.Finding;
import dev.faultline.rules.Rule;
import dev.faultline.rules.RuleCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Filesystem MCP servers given a root far wider than any task needs (the whole disk, a home
 * folder). Which servers and which roots are the rule body's. Keyed {@code server:root}.
 */
public final class ServerArgsAnalysis extends ServerAnalysis {

    @Override
    public String kind() {
        return "server-args";
    }

    @Override
    public List<Finding> run(Rule rule, AnalysisContext ctx) {
        Pattern servers = Pattern.compile(rule.body().string("servers-matching", "filesystem"));
        Set<String> broad = Set.copyOf(RuleCatalog.strings(rule.body(), "broad-roots"));
        List<Finding> findings = new ArrayList<>();
        for (Server s : ctx.model().servers()) {
            if (!servers.matcher(s.launch()).find()) {
                continue;
            }
            for (String a : s.args()) {
                String root = a.length() > 1 ? a.replaceFirst("[/\\\\]+$", "") : a;
                if (broad.contains(root) || broad.contains(a)) {
                    findings.add(finding(rule, s.name() + ":" + a, s.location(), Map.of("server", s.name(), "root", a)));
                }
            }
        }
        return findings;
    }
}
