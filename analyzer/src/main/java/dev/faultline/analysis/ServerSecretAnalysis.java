package dev.faultline.analysis;

import dev.faultline.model.CredentialRef;
import dev.faultline.model.Server;
import dev.faultline.report.Finding;
import dev.faultline.rules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Secrets written inline in an MCP client config's {@code env} or {@code headers} instead of a
 * reference to the environment or a secret store. Which names count as secrets is the rule body's.
 * The value itself is never copied into the finding. Keyed {@code server:NAME}.
 */
public final class ServerSecretAnalysis extends ServerAnalysis {

    @Override
    public String kind() {
        return "server-secret";
    }

    @Override
    public List<Finding> run(Rule rule, AnalysisContext ctx) {
        Pattern names = Pattern.compile(rule.body().string("secret-names", "(?i)(token|secret|password|key|auth)"));
        List<Finding> findings = new ArrayList<>();
        for (Server s : ctx.model().servers()) {
            for (CredentialRef c : inlineSecrets(s)) {
                if (names.matcher(c.name()).find()) {
                    findings.add(finding(rule, s.name() + ":" + c.name(), c.location(),
                            Map.of("server", s.name(), "name", c.name(), "kind", c.kind())));
                }
            }
        }
        return findings;
    }
}
