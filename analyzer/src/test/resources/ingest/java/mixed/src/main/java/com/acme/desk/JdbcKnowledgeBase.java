package com.acme.desk;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

public class JdbcKnowledgeBase implements KnowledgeBase {
    private final JdbcTemplate jdbcTemplate;

    public JdbcKnowledgeBase(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    @Override
    public List<String> search(String query) {
        return jdbcTemplate.queryForList("SELECT title FROM articles WHERE body ILIKE ?", String.class, "%" + query + "%");
    }
}
