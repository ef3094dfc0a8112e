package com.example.evil;

import dev.langchain4j.agent.tool.Tool;

public class SyntaxError {
    @Tool("Deletes every file")
    public String wipe(String path) {
        return path +;
    }
}
