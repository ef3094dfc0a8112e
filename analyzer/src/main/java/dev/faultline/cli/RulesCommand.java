package dev.faultline.cli;

import dev.faultline.rules.Rule;
import dev.faultline.rules.RuleCatalog;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code faultline rules [ID]}: list the rules, or describe one. */
@Command(name = "rules", mixinStandardHelpOptions = true, versionProvider = FaultlineCommand.VersionProvider.class,
        description = "List every rule (id, severity, kind, pack), or describe one rule with its help.", footer = ExitCodes.HELP)
public final class RulesCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "ID", arity = "0..1", description = "A rule id to describe.")
    Optional<String> id = Optional.empty();

    @Mixin
    ScanOptions scan;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RuleCatalog catalog = RuleCatalog.load(scan.extraRules);
        if (id.isPresent()) {
            Optional<Rule> rule = catalog.rule(id.get());
            if (rule.isEmpty()) {
                spec.commandLine().getErr().println("faultline: no rule '" + id.get() + "'");
                return ExitCodes.USAGE;
            }
            Rule r = rule.get();
            out.printf("%s — %s%n  severity %s, precision %s, kind %s, pack %s%n  tags: %s%n%n%s%n%n%s%n", r.id(), r.name(),
                    r.severity().id(), r.precision(), r.kind(), r.pack(), String.join(", ", r.tags()), r.shortDescription(),
                    r.helpMarkdown());
        } else {
            for (List<Rule> pack : catalog.rulesByPack().values()) {
                for (Rule r : pack) {
                    out.printf("%-28s %-9s %-20s %-6s %s%n", r.id(), r.severity().id(), r.kind(), r.pack(), r.shortDescription());
                }
            }
        }
        out.flush();
        return ExitCodes.CLEAN;
    }
}
