package com.example.travel;

import static dev.langchain4j.internal.Json.fromJson;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.tool.ToolExecutor;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

public class BookingAssistantConfig {
    private final JdbcTemplate jdbc;

    public BookingAssistantConfig(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public BookingAssistant bookingAssistant(ChatModel model) {
        ToolSpecification cancel = ToolSpecification.builder()
                .name("cancel_booking")
                .description("Cancels a booking by its booking number")
                .parameters(JsonObjectSchema.builder().addStringProperty("bookingNumber").build())
                .build();
        ToolExecutor cancelExecutor = (request, memoryId) -> {
            Map<String, Object> arguments = fromJson(request.arguments(), Map.class);
            String bookingNumber = arguments.get("bookingNumber").toString();
            int rows = jdbc.update("UPDATE bookings SET status = 'CANCELLED' WHERE number = '" + bookingNumber + "'");
            return rows == 1 ? "cancelled" : "not found";
        };
        return AiServices.builder(BookingAssistant.class)
                .chatModel(model)
                .tools(Map.of(cancel, cancelExecutor))
                .build();
    }
}
