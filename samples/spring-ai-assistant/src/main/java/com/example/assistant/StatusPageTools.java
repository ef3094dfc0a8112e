package com.example.assistant;

import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestTemplate;

@Component
public class StatusPageTools {
    private final RestTemplate restTemplate = new RestTemplate();

    @Tool(description = "Reads the public status page of a vendor (incidents and their descriptions)")
    public String vendorStatus(@ToolParam(description = "vendor slug, e.g. github or stripe") String vendor) {
        // ok: argument-injection
        return restTemplate.getForObject("https://status.example-aggregator.com/api/v1/vendors/{vendor}/incidents",
                String.class, vendor);
    }
}
