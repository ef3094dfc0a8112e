package com.acme.desk;

import dev.langchain4j.agent.tool.Tool;
import java.util.List;

public class SearchTools {
    private final KnowledgeBase kb;

    public SearchTools(KnowledgeBase kb) {
        this.kb = kb;
    }

    @Tool("Searches the help-center articles")
    public List<String> searchArticles(String query) {
        return kb.search(query);
    }
}
