package com.example.ops;

import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Incident communication for the ops MCP server. */
@Singleton
public class IncidentTools {

    @Inject
    SlackNotifier slack;

    // expect: taint-path incident-copilot:IncidentTools/announce_incident
    // expect: blast-radius IncidentTools/announce_incident=irreversible
    @Tool(name = "announce_incident", description = "Posts an incident update to the #incidents channel")
    String announceIncident(@ToolArg(name = "summary", description = "one paragraph for the whole company") String summary) {
        slack.post(":rotating_light: " + summary);
        return "posted";
    }
}
