package dev.faultline.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code faultline:scan}: scan the project, write a report, fail on findings at or above {@code failOn}. */
@Mojo(name = "scan", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class ScanMojo extends FaultlineMojo {

    /** Report format: md, json, sarif, dot, html. */
    @Parameter(property = "faultline.format", defaultValue = "sarif")
    String format;

    /** Where the report goes. */
    @Parameter(property = "faultline.output", defaultValue = "${project.build.directory}/faultline.sarif")
    File output;

    /** Fail when a finding is at least this severe (note, low, medium, high, critical, none). */
    @Parameter(property = "faultline.failOn", defaultValue = "high")
    String failOn;

    /** Report only findings not in this baseline file. */
    @Parameter(property = "faultline.baseline")
    File baseline;

    @Override
    List<String> arguments() {
        List<String> args = new java.util.ArrayList<>(List.of("scan", directory.getPath(), "--format", format,
                "--output", output.getPath(), "--fail-on", failOn));
        if (baseline != null) {
            args.add("--baseline");
            args.add(baseline.getPath());
        }
        return args;
    }
}
