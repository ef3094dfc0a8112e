package dev.faultline.analysis;

import dev.faultline.model.CredentialRef;
import dev.faultline.model.Server;
import dev.faultline.report.Finding;
import dev.faultline.report.Location;
import dev.faultline.rules.Rule;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Shared shape of the MCP-configuration engines: one finding per offending server (or credential). */
abstract class ServerAnalysis implements Analysis {

    /** A finding keyed by {@code key} with the rule's message filled from {@code values}. */
    static Finding finding(Rule rule, String key, Location where, Map<String, String> values) {
        return new Finding(rule.id(), rule.severity(), "high", key, FindingText.fill(rule.message(), values), where,
                List.of(), List.of(), Optional.empty());
    }

    /** The command's base name: {@code /usr/bin/npx}, {@code npx.cmd} → {@code npx}. */
    static String baseCommand(Server s) {
        String c = s.command().replace('\\', '/');
        c = c.substring(c.lastIndexOf('/') + 1);
        return c.replaceFirst("(?i)\\.(cmd|exe|bat)$", "");
    }

    /** Credentials of a server written with their secret value in the config. */
    static List<CredentialRef> inlineSecrets(Server s) {
        return s.credentials().stream().filter(CredentialRef::inlineSecret).toList();
    }
}
