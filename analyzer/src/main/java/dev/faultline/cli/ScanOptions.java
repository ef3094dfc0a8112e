package dev.faultline.cli;

import dev.faultline.doc.ReadLimits;
import dev.faultline.ingest.java.FactsCache;
import dev.faultline.pipeline.Pipeline;
import dev.faultline.rules.RuleCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options shared by every command that compiles a tree: extra rule packs and read limits. */
public final class ScanOptions {
    @Spec(Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    @Option(names = "--rules", paramLabel = "DIR", description = "Also load the rule packs in DIR (a folder of pack folders). Repeatable.")
    List<Path> extraRules = new ArrayList<>();

    @Option(names = "--max-file-bytes", paramLabel = "N", description = "Fail inputs larger than N bytes (default: ${DEFAULT-VALUE}).")
    long maxFileBytes = ReadLimits.DEFAULT.maxFileBytes();

    @Option(names = "--file-timeout-seconds", paramLabel = "S",
            description = "Fail inputs that take longer than S seconds to parse (default: ${DEFAULT-VALUE}).")
    long fileTimeoutSeconds = ReadLimits.DEFAULT.parseTimeout().toSeconds();

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Keep the facts read from each Java framework file in DIR and reuse them while nothing they were read "
                    + "from has changed; DIR must be outside the scanned trees (default: no cache).")
    Optional<Path> cache = Optional.empty();

    /** The facts cache these options name, if any; one per command, so its hit counts cover the whole command. */
    public Optional<FactsCache> cache() {
        if (factsCache == null) {
            factsCache = cache.map(FactsCache::in);
        }
        return factsCache;
    }

    private Optional<FactsCache> factsCache;

    /** The read limits these options describe. */
    public ReadLimits limits() {
        if (maxFileBytes < 1 || fileTimeoutSeconds < 1) {
            throw new CommandLine.ParameterException(mixee.commandLine(),
                    "--max-file-bytes and --file-timeout-seconds must be at least 1");
        }
        return ReadLimits.DEFAULT.withMaxFileBytes(maxFileBytes).withParseTimeout(Duration.ofSeconds(fileTimeoutSeconds));
    }

    /** The pipeline these options describe. */
    public Pipeline pipeline() {
        return pipeline(cache());
    }

    private Pipeline pipeline(Optional<FactsCache> facts) {
        return new Pipeline(RuleCatalog.load(extraRules), limits(), facts);
    }

    /**
     * The pipeline for a command that reads the revisions of the repository at {@code repository}:
     * without the facts cache when it lies inside that repository, where a commit could write it
     * (said on stderr).
     */
    public Pipeline pipelineReading(Path repository) {
        Optional<FactsCache> usable = cache().filter(c -> !c.isInside(repository));
        cache().filter(c -> usable.isEmpty()).ifPresent(c -> mixee.commandLine().getErr().println("faultline: the facts cache "
                + c.folder().orElseThrow() + " is inside " + repository + ", which a commit could write; it is not used"));
        return pipeline(usable);
    }
}
