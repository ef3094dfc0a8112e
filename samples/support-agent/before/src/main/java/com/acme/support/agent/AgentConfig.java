package com.acme.support.agent;

import com.acme.support.tools.CustomerReplyTools;
import com.acme.support.tools.OrderTools;
import com.acme.support.tools.TicketTools;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatLanguageModel;
import dev.langchain4j.service.AiServices;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class AgentConfig {

    @Bean
    SupportAgent supportAgent(ChatLanguageModel chatModel,
                              TicketTools ticketTools,
                              OrderTools orderTools,
                              CustomerReplyTools replyTools) {
        return AiServices.builder(SupportAgent.class)
                .chatLanguageModel(chatModel)
                .chatMemoryProvider(ticketId -> MessageWindowChatMemory.withMaxMessages(30))
                // expect: lethal-trifecta SupportAgent:CustomerReplyTools/replyToCustomer+OrderTools/findOrders+TicketTools/getTicket
                .tools(ticketTools, orderTools, replyTools)
                .build();
    }
}
