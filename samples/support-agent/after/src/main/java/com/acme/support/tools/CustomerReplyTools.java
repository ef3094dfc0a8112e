package com.acme.support.tools;

import com.acme.support.mail.CustomerMailer;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import org.springframework.stereotype.Component;

@Component
public class CustomerReplyTools {
    private final CustomerMailer mailer;

    public CustomerReplyTools(CustomerMailer mailer) {
        this.mailer = mailer;
    }

    // expect: blast-radius CustomerReplyTools/replyToCustomer=irreversible
    // expect: taint-path SupportAgent:CustomerReplyTools/replyToCustomer
    // (one finding, naming both sources that reach SupportAgent: the support-ticket entry point and getTicket)
    @Tool("Sends the reply to the customer who opened the ticket, by email")
    public String replyToCustomer(@P("the helpdesk ticket id") String ticketId,
                                  @P("the customer's email address") String customerEmail,
                                  @P("the reply, plain text") String message) {
        mailer.sendReply(customerEmail, "Re: your support request " + ticketId, message);
        return "Reply sent to " + customerEmail;
    }
}
