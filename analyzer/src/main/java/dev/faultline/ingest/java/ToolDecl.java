package dev.faultline.ingest.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.faultline.model.Parameter;
import dev.faultline.model.Signal;
import dev.faultline.model.Tool;
import dev.faultline.report.Location;
import java.util.List;

/**
 * A tool found in code, before its body is read: an annotated method or a tool built as a value.
 * {@code body} is the method or lambda that runs; {@code sources} where the model's arguments enter it;
 * {@code declaredAt} the method or the expression that builds the tool (a registration may name it);
 * {@code declared} the signals its declaration gives (MCP hints);
 * {@code mcpServer} is true when an MCP server serves it to whatever client connects (no agent in code).
 */
record ToolDecl(String toolset, String name, String framework, String description, Location location,
                List<Parameter> parameters, Node body, List<ArgumentFlow.Source> sources,
                TypeDeclaration<?> type, CompilationUnit cu, Node declaredAt,
                boolean mcpServer, List<Signal> declared) {

    String id() {
        return Tool.idOf(toolset, name);
    }
}
