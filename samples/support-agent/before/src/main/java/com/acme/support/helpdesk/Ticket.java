package com.acme.support.helpdesk;

/** A helpdesk ticket as the helpdesk API returns it; subject and body are written by the customer. */
public record Ticket(String id, String customerEmail, String subject, String body, String status) {
}
