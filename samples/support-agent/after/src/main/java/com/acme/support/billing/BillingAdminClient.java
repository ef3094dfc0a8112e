package com.acme.support.billing;

import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** Client of the internal billing admin API (billing-admin.internal), used by the finance back office. */
@Component
public class BillingAdminClient {
    private final RestClient restClient;
    private final String adminToken;

    public BillingAdminClient(RestClient.Builder builder) {
        this.adminToken = System.getenv("BILLING_ADMIN_TOKEN");
        this.restClient = builder.baseUrl("https://billing-admin.internal").build();
    }

    public AdjustmentReceipt adjust(String accountId, long amountCents, String reason) {
        return restClient.post()
                .uri("/admin/v1/accounts/{accountId}/adjustments", accountId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("amountCents", amountCents, "reason", reason))
                .retrieve()
                .body(AdjustmentReceipt.class);
    }
}
