package com.example.travel;

import dev.langchain4j.service.SystemMessage;

public interface BookingAssistant {

    @SystemMessage(fromResource = "/prompts/booking-system.txt")
    String chat(String message);
}
