package com.example.assistant;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.stereotype.Service;

/** The on-call assistant: answers questions about builds and the weather at the data centre. */
@Service
public class AssistantService {
    private final ChatClient chatClient;

    public AssistantService(ChatClient.Builder builder, DiagnosticsTools diagnostics, StatusPageTools statusPage) {
        this.chatClient = builder
                .defaultSystem("""
                        You are the on-call assistant of the platform team.
                        Use the diagnostics tool to inspect the build host when a build fails.
                        Read the public status page of our vendors before blaming our own systems.
                        """)
                // expect: untrusted-shell AssistantService:DiagnosticsTools/runDiagnostic+StatusPageTools/vendorStatus
                .defaultTools(diagnostics, statusPage)
                .build();
    }

    public String ask(String question) {
        return chatClient.prompt().user(question).call().content();
    }
}
