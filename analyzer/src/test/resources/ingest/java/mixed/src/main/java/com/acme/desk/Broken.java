package com.acme.desk;

import dev.langchain4j.agent.tool.Tool;

public class Broken {

    @Tool("Half-written tool")
    public String half(String x) {
        return x +;
    }
}
