package com.example.repotools;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The few GitHub REST calls repo-tools needs, authenticated with a token handed in by the server. */
final class GitHubClient {
    private final HttpClient http = HttpClient.newHttpClient();
    private final String token;
    private final String repository;

    GitHubClient(String token, String repository) {
        this.token = token;
        this.repository = repository;
    }

    String pullRequests(String state) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://api.github.com/repos/" + repository + "/pulls?state=" + state))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        return send(request);
    }

    void deleteBranch(String branch) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://api.github.com/repos/" + repository + "/git/refs/heads/" + branch))
                .header("Authorization", "Bearer " + token)
                .DELETE()
                .build();
        send(request);
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400) {
                throw new IllegalStateException("GitHub answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
