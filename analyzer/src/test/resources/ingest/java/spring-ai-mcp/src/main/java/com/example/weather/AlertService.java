package com.example.weather;

import org.springaicommunity.mcp.annotation.McpTool;
import org.springaicommunity.mcp.annotation.McpToolParam;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;

@Service
public class AlertService {
    private final RestClient restClient = RestClient.create();

    @McpTool(name = "get_alerts", description = "Active weather alerts for a US state")
    public String alerts(@McpToolParam(description = "two-letter state code", required = true) String state) {
        return restClient.get().uri("https://api.weather.gov/alerts/active/area/" + state).retrieve().body(String.class);
    }
}
