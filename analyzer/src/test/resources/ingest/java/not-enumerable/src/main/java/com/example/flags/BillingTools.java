package com.example.flags;

import dev.langchain4j.agent.tool.Tool;
import org.springframework.beans.factory.annotation.Value;

public class BillingTools {
    @Value("${billing.api-key}")
    String apiKey;

    @Tool("Cancels a subscription")
    public String cancel(String id) {
        return apiKey.isEmpty() ? "no key" : "cancelled " + id;
    }
}
