package com.acme.desk;

import com.acme.desk.payments.PaymentGateway;
import dev.langchain4j.model.chat.ChatLanguageModel;
import dev.langchain4j.service.AiServices;

public class DeskConfig {
    private final SearchTools searchTools;

    public DeskConfig(SearchTools searchTools) {
        this.searchTools = searchTools;
    }

    public DeskAgent deskAgent(ChatLanguageModel model, PaymentGateway payments) {
        return AiServices.builder(DeskAgent.class)
                .chatLanguageModel(model)
                .tools(new RefundTools(payments), searchTools)
                .build();
    }
}
