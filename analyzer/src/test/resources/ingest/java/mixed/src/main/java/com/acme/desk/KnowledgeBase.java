package com.acme.desk;

import java.util.List;

public interface KnowledgeBase {
    List<String> search(String query);
}
