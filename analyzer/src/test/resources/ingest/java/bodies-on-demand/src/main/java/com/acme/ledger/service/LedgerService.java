package com.acme.ledger.service;

import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;

/** The ledger: its client and token are set by a configuration method, not by the constructor. */
@Service
public class LedgerService {
    private RestClient client;
    private String token;
    private final List<String> audit;

    public LedgerService(List<String> audit) {
        this.audit = audit;
    }

    @Autowired
    void configure(RestClient.Builder builder, @Value("${ledger.api-token}") String apiToken) {
        this.token = apiToken;
        this.client = builder.baseUrl("https://ledger.internal").build();
    }

    public String refund(String paymentId) {
        audit.add("refund " + paymentId);
        return client.post()
                .uri("/payments/{id}/refund", paymentId)
                .header("Authorization", "Bearer " + token)
                .retrieve()
                .body(String.class);
    }

    public String describe(String paymentId) {
        return "payment " + paymentId + " (" + format(audit.size()) + " audit rows)";
    }

    private String format(int rows) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            out.append(i % 10 == 0 ? '|' : '.');
        }
        return out.toString();
    }

    public int reconcile(List<Long> amounts) {
        long total = 0;
        for (long amount : amounts) {
            total += amount;
        }
        return (int) Math.min(Integer.MAX_VALUE, total);
    }
}
