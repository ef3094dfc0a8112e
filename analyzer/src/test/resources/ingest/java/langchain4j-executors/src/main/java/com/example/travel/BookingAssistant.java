package com.example.travel;

public interface BookingAssistant {
    String chat(String message);
}
