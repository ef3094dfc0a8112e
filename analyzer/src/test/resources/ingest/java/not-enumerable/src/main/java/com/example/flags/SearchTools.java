package com.example.flags;

import dev.langchain4j.agent.tool.Tool;

public class SearchTools {

    @Tool("Searches the catalogue")
    public String search(String query) {
        return query;
    }
}
