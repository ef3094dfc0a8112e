package com.example.home;

import com.google.adk.agents.LlmAgent;
import com.google.adk.tools.Annotations.Schema;
import com.google.adk.tools.FunctionTool;
import java.util.Map;

public class WeatherAgent {

    public static LlmAgent create() {
        return LlmAgent.builder()
                .name("weather_agent")
                .model("gemini-2.0-flash")
                .instruction("You answer questions about the weather at home.")
                .tools(FunctionTool.create(WeatherAgent.class, "getForecast"))
                .build();
    }

    @Schema(name = "get_forecast", description = "Returns tomorrow's forecast for a city")
    public static Map<String, String> getForecast(@Schema(name = "city", description = "city name") String city) {
        return Map.of("city", city, "forecast", "sunny");
    }
}
