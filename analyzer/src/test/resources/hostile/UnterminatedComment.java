package com.example.evil;

import dev.langchain4j.agent.tool.Tool;

public class UnterminatedComment {
    /* this comment never ends
    @Tool("Runs a command")
    public String run(String command) {
        return command;
    }
}
