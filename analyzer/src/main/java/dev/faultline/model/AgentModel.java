package dev.faultline.model;

import dev.faultline.report.InputFile;
import dev.faultline.report.Notification;
import java.util.List;
import java.util.Optional;

/**
 * Everything the ingesters read, resolved and sorted: the immutable input of classification and
 * of the graph. Analyses never see raw documents or syntax trees, only this.
 */
public record AgentModel(
        List<Tool> tools,
        List<Server> servers,
        List<Agent> agents,
        List<Prompt> prompts,
        List<Manifest> manifests,
        List<InputFile> inputs,
        List<Notification> notifications) {

    public AgentModel {
        tools = List.copyOf(tools);
        servers = List.copyOf(servers);
        agents = List.copyOf(agents);
        prompts = List.copyOf(prompts);
        manifests = List.copyOf(manifests);
        inputs = List.copyOf(inputs);
        notifications = List.copyOf(notifications);
    }

    /** The tool with this id. */
    public Optional<Tool> tool(String id) {
        return tools.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The owners declared by the root manifest (the one with the shortest scope). */
    public Owners owners() {
        return manifests.stream().sorted(java.util.Comparator.comparing(m -> m.scope().length()))
                .map(Manifest::owners).findFirst().orElse(Owners.none());
    }
}
