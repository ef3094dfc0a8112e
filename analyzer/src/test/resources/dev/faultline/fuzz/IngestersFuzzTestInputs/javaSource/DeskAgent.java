package com.acme.desk;

import dev.langchain4j.service.SystemMessage;

public interface DeskAgent {

    @SystemMessage({"You are the help desk assistant.", "Refund only orders that are less than 30 days old."})
    String chat(String message);
}
