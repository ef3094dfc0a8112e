package com.example.ops;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Posts to the incidents channel as the ops bot. */
@ApplicationScoped
public class SlackNotifier {

    @ConfigProperty(name = "ops.slack.bot-token")
    String botToken;

    @ConfigProperty(name = "ops.slack.channel")
    String channel;

    void post(String text) {
        MethodsClient methods = Slack.getInstance().methods(botToken);
        try {
            methods.chatPostMessage(r -> r.channel(channel).text(text));
        } catch (IOException | SlackApiException e) {
            throw new IllegalStateException("Slack post failed", e);
        }
    }
}
