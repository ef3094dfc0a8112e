package com.acme.desk;

import static com.acme.desk.util.Shell.run;

import dev.langchain4j.agent.tool.Tool;

public class ExportTools extends BaseTools {

    @Tool("Exports the knowledge base as a zip archive and returns its location")
    public String exportArchive() {
        run("zip", "-r", "/exports/kb.zip", "/srv/kb");
        return publish("/exports/kb.zip");
    }
}
