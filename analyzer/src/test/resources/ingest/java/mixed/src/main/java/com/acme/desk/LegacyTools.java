package com.acme.desk;

import dev.langchain4j.agent.tool.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Kept for the old agent; no longer registered anywhere. */
public class LegacyTools {

    @Tool("Deletes an export file")
    public void deleteExport(String name) throws IOException {
        Files.deleteIfExists(Path.of("/exports").resolve(name));
    }
}
