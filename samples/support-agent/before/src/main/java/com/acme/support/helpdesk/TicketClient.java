package com.acme.support.helpdesk;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** Reads tickets from the helpdesk's REST API. */
@Component
public class TicketClient {
    private final RestClient restClient;

    public TicketClient(RestClient.Builder builder,
                        @Value("${helpdesk.base-url}") String baseUrl,
                        @Value("${helpdesk.api-token}") String apiToken) {
        this.restClient = builder
                .baseUrl(baseUrl)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + apiToken)
                .build();
    }

    public Ticket fetch(String ticketId) {
        return restClient.get()
                .uri("/api/v2/tickets/{id}?include=comments", ticketId)
                .retrieve()
                .body(Ticket.class);
    }
}
