package dev.faultline.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** {@code faultline:check}: fail the build when the agent's authority no longer matches {@code faultline.lock}. */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends FaultlineMojo {

    @Override
    List<String> arguments() {
        return List.of("check", directory.getPath());
    }
}
