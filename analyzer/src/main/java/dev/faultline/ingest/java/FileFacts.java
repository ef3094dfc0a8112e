package dev.faultline.ingest.java;

import com.github.javaparser.ast.Node;
import dev.faultline.ingest.ModelBuilder;
import dev.faultline.model.CredentialRef;
import dev.faultline.model.Parameter;
import dev.faultline.model.Signal;
import dev.faultline.model.Tool;
import dev.faultline.report.Location;
import java.util.List;
import java.util.Map;

/**
 * What one file that names a tool framework yields, as values: its tools with what their bodies
 * reach, its registrations, and everything else it gave the model (prompts, agents named by value,
 * notifications, the status of each file it parsed), plus the resource files it looked at. Facts of
 * different files are merged into the model after all are read; they can be cached because they
 * hold no syntax tree.
 *
 * @param path the framework file, relative to the scan root
 * @param tools the tools it declares or names, before registrations move any to another toolset
 * @param bindings the registrations of tools to agents it holds
 * @param recorded what it gave the model
 * @param resources the files beside the sources it looked at
 */
record FileFacts(String path, List<ToolFacts> tools, List<BindingFacts> bindings, ModelBuilder.Recording recorded,
                 List<ResourceLog.Read> resources) {

    FileFacts {
        tools = List.copyOf(tools);
        bindings = List.copyOf(bindings);
        resources = List.copyOf(resources);
    }

    /**
     * A tool with what its body reaches. {@code declaredAt} names the method or expression that
     * builds it ({@link #keyOf}), so a registration in another file can refer to it;
     * {@code unfollowedBecause} is the error that stopped the walk of its body, {@code ""} when none did.
     */
    record ToolFacts(String toolset, String name, String framework, String description, Location location,
                     List<Parameter> parameters, List<Signal> signals, List<CredentialRef> credentials,
                     boolean mcpServer, String declaredAt, String unfollowedBecause) {

        String id() {
            return Tool.idOf(toolset, name);
        }

        Tool tool() {
            return new Tool(id(), toolset, name, framework, description, location, parameters, signals, credentials);
        }

        /** The same tool in another toolset (a plugin name given at registration). */
        ToolFacts inToolset(String other) {
            return new ToolFacts(other, name, framework, description, location, parameters, signals, credentials, mcpServer,
                    declaredAt, unfollowedBecause);
        }
    }

    /**
     * Tool classes handed to an agent by one registration call: by toolset (class) name, or by the
     * {@link #keyOf keys} of the expressions and methods it passes; {@code renames} moves toolsets
     * registered under a plugin name.
     */
    record BindingFacts(String agent, String framework, Location location, List<String> toolsets, List<String> built,
                        Map<String, String> renames) {
    }

    /** A name for a syntax node that is the same in every scan of the same text: file, range and node type. */
    static String keyOf(Node node) {
        String path = node.findCompilationUnit().filter(cu -> cu.containsData(SourceIndex.FILE_KEY))
                .map(cu -> cu.getData(SourceIndex.FILE_KEY).file().path()).orElse("");
        String range = node.getRange().map(r -> r.begin.line + ":" + r.begin.column + "-" + r.end.line + ":" + r.end.column)
                .orElse("?");
        return path + "@" + range + "#" + node.getClass().getSimpleName();
    }
}
