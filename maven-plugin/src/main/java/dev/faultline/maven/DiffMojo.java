package dev.faultline.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code faultline:diff}: compare the working tree with a base revision and fail at or above a verdict. */
@Mojo(name = "diff", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class DiffMojo extends FaultlineMojo {

    /** The base git revision (default: the merge base of HEAD with the default branch). */
    @Parameter(property = "faultline.base")
    String base;

    /** Fail at or above this verdict: pass, eval-review, security-signoff, block, none. */
    @Parameter(property = "faultline.failOnVerdict", defaultValue = "block")
    String failOnVerdict;

    /** Where the Markdown PR comment goes. */
    @Parameter(property = "faultline.diffOutput", defaultValue = "${project.build.directory}/faultline-diff.md")
    File output;

    @Override
    List<String> arguments() {
        List<String> args = new ArrayList<>(List.of("diff", directory.getPath(), "--format", "md", "--output", output.getPath(),
                "--fail-on", failOnVerdict));
        if (base != null && !base.isBlank()) {
            args.add("--base");
            args.add(base);
        }
        return args;
    }
}
