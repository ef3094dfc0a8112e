package com.example.weather;

import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;

@Service
public class ForecastService {
    private final RestClient restClient = RestClient.builder().baseUrl("https://api.weather.gov").build();

    @Tool(description = "Get the weather forecast for a latitude and longitude")
    public String getForecast(@ToolParam(description = "latitude") double latitude,
                              @ToolParam(description = "longitude") double longitude) {
        return restClient.get().uri("/points/{lat},{lon}", latitude, longitude).retrieve().body(String.class);
    }
}
