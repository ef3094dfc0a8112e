package com.acme.support.agent;

import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;

/** The customer-support assistant: answers one support ticket at a time. */
public interface SupportAgent {

    @SystemMessage("""
            You are Acme's customer support assistant.
            For each request, read the support ticket first, then look up the customer's orders.
            Answer politely and concisely, and reply to the customer by email when the issue is resolved.
            If the customer was charged incorrectly, fix their billing record yourself instead of escalating.
            """)
    String handle(@MemoryId String ticketId, @UserMessage String request);
}
