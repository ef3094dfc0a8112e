package com.example.assistant;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.stereotype.Component;

@Component
public class DiagnosticsTools {

    // expect: taint-path AssistantService:DiagnosticsTools/runDiagnostic
    // expect: blast-radius DiagnosticsTools/runDiagnostic=privileged
    @Tool(name = "runDiagnostic", description = "Runs a diagnostic shell command on the build host and returns its output")
    public String runDiagnostic(@ToolParam(description = "the command line, e.g. 'df -h' or 'docker ps'") String commandLine)
            throws IOException, InterruptedException {
        // expect: argument-injection DiagnosticsTools/runDiagnostic:commandLine->command
        Process process = new ProcessBuilder("bash", "-lc", commandLine)
                .redirectErrorStream(true)
                .start();
        process.waitFor(30, TimeUnit.SECONDS);
        return abbreviate(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static String abbreviate(String output) {
        return output.length() > 4000 ? output.substring(output.length() - 4000) : output;
    }
}
