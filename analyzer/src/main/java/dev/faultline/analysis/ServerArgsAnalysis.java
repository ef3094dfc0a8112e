package dev.faultline.analysis;

import dev.faultline.model.Server;
import dev.faultline.report.Finding;
import dev.faultline.rules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        Pattern broad = Pattern.compile(rule.body().string("broad-root", "^/$"));
        List<Finding> findings = new ArrayList<>();
        for (Server s : ctx.model().servers()) {
            if (!servers.matcher(s.launch()).find()) {
                continue;
            }
            for (String a : s.args()) {
                if (broad.matcher(a).matches()) {
                    findings.add(finding(rule, s.name() + ":" + a, s.location(), Map.of("server", s.name(), "root", a)));
                }
            }
        }
        return findings;
    }
}
