package dev.faultline.analysis;

import dev.faultline.model.Server;
import dev.faultline.report.Finding;
import dev.faultline.rules.Rule;
import dev.faultline.rules.RuleCatalog;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Remote MCP servers reached over a cleartext scheme (plain http) on a non-loopback host. Keyed by server. */
public final class ServerTransportAnalysis extends ServerAnalysis {

    @Override
    public String kind() {
        return "server-transport";
    }

    @Override
    public List<Finding> run(Rule rule, AnalysisContext ctx) {
        Set<String> insecure = Set.copyOf(RuleCatalog.strings(rule.body(), "insecure-schemes"));
        Set<String> loopback = Set.copyOf(RuleCatalog.strings(rule.body(), "allowed-hosts"));
        List<Finding> findings = new ArrayList<>();
        for (Server s : ctx.model().servers()) {
            if (s.url().isEmpty()) {
                continue;
            }
            String scheme;
            String host;
            try {
                URI u = URI.create(s.url().strip());
                scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
                host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (insecure.contains(scheme) && !loopback.contains(host)) {
                findings.add(finding(rule, s.name(), s.location(), Map.of("server", s.name(), "scheme", scheme, "host", host)));
            }
        }
        return findings;
    }
}
