package com.example.expenses;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Client of the payments team's internal payout API. */
public final class PaymentsClient {
    private final HttpClient http = HttpClient.newHttpClient();
    private final String apiKey;

    public PaymentsClient(String apiKey) {
        this.apiKey = apiKey;
    }

    String payout(String claimId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://payments.internal/admin/payouts"))
                .header("X-Api-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofString("{\"claimId\":\"" + claimId + "\"}"))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
