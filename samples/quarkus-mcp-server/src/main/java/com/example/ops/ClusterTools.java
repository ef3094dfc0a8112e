package com.example.ops;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Cluster tools of the ops MCP server, scoped to the shop's production namespace. */
@Singleton
public class ClusterTools {

    @Inject
    KubernetesClient kube;

    @ConfigProperty(name = "ops.namespace")
    String namespace;

    @Tool(name = "pod_logs", description = "Returns the last lines of a pod's log")
    String podLogs(@ToolArg(name = "pod", description = "pod name") String pod,
                   @ToolArg(name = "lines", description = "how many lines, at most 500") int lines) {
        return kube.pods().inNamespace(namespace).withName(pod).tailingLines(Math.min(lines, 500)).getLog();
    }

    // a rolling restart replaces pods without losing data: reversible, so no taint path ends here
    // ok: blast-radius
    // ok: taint-path
    @Tool(name = "restart_deployment", description = "Rolls a deployment's pods one by one")
    String restartDeployment(@ToolArg(name = "deployment", description = "deployment name") String deployment) {
        kube.apps().deployments().inNamespace(namespace).withName(deployment).rolling().restart();
        return "restarting " + deployment;
    }

    // expect: taint-path incident-copilot:ClusterTools/delete_pod
    // expect: blast-radius ClusterTools/delete_pod=irreversible
    @Tool(name = "delete_pod", description = "Deletes a stuck pod so that its deployment replaces it")
    String deletePod(@ToolArg(name = "pod", description = "pod name") String pod) {
        kube.pods().inNamespace(namespace).withName(pod).delete();
        return "deleted " + pod;
    }

    // ok: blast-radius
    public List<String> podNames() {
        return kube.pods().inNamespace(namespace).list().getItems().stream().map(Pod::getMetadata).map(m -> m.getName()).toList();
    }
}
