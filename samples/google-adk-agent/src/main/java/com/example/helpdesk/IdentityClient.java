package com.example.helpdesk;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A thin client of the identity provider's management API. */
final class IdentityClient {
    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String apiToken;

    IdentityClient(String baseUrl, String apiToken) {
        this.baseUrl = baseUrl;
        this.apiToken = apiToken;
    }

    void resetPassword(String userId) {
        post("/api/v1/users/" + userId + "/lifecycle/reset_password?sendEmail=true");
    }

    void wipeDevice(String serial) {
        post("/api/v1/devices/" + serial + "/lifecycle/wipe");
    }

    private void post(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "SSWS " + apiToken)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
