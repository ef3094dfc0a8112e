package dev.faultline.cli;

import dev.faultline.doc.ReadLimits;
import dev.faultline.pipeline.Pipeline;
import dev.faultline.rules.RuleCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by every command that compiles a tree: extra rule packs and read limits. */
public final class ScanOptions {
    @Option(names = "--rules", paramLabel = "DIR", description = "Also load the rule packs in DIR (a folder of pack folders). Repeatable.")
    List<Path> extraRules = new ArrayList<>();

    @Option(names = "--max-file-bytes", paramLabel = "N", description = "Fail inputs larger than N bytes (default: ${DEFAULT-VALUE}).")
    long maxFileBytes = ReadLimits.DEFAULT.maxFileBytes();

    /** The pipeline these options describe. */
    public Pipeline pipeline() {
        ReadLimits d = ReadLimits.DEFAULT;
        return new Pipeline(RuleCatalog.load(extraRules),
                new ReadLimits(maxFileBytes, d.maxDepth(), d.maxStringChars(), d.maxNodes(), d.maxAliases()));
    }
}
