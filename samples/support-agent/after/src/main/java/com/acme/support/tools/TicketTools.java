package com.acme.support.tools;

import com.acme.support.helpdesk.Ticket;
import com.acme.support.helpdesk.TicketClient;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import org.springframework.stereotype.Component;

@Component
public class TicketTools {
    private static final int MAX_BODY_CHARS = 8_000;

    private final TicketClient ticketClient;

    public TicketTools(TicketClient ticketClient) {
        this.ticketClient = ticketClient;
    }

    @Tool("Fetches a support ticket with the customer's message and the conversation so far")
    public String getTicket(@P("the helpdesk ticket id, e.g. T-10442") String ticketId) {
        Ticket ticket = ticketClient.fetch(ticketId);
        return "Ticket " + ticket.id() + " from " + ticket.customerEmail() + "\n"
                + "Subject: " + ticket.subject() + "\n\n" + truncate(ticket.body());
    }

    String truncate(String body) {
        return body.length() <= MAX_BODY_CHARS ? body : body.substring(0, MAX_BODY_CHARS) + "…";
    }
}
