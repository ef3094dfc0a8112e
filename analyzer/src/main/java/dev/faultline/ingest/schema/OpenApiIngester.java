package dev.faultline.ingest.schema;

import dev.faultline.doc.DocException;
import dev.faultline.doc.DocList;
import dev.faultline.doc.DocMap;
import dev.faultline.doc.DocNode;
import dev.faultline.ingest.DocumentIngester;
import dev.faultline.ingest.ModelBuilder;
import dev.faultline.ingest.SourceFile;
import dev.faultline.model.CredentialRef;
import dev.faultline.model.Parameter;
import dev.faultline.model.Server;
import dev.faultline.model.Signal;
import dev.faultline.model.Tool;
import dev.faultline.report.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an OpenAPI 3.x document: every operation is a tool of one toolset (the API), with an
 * {@code http-method} signal, an {@code openapi-scope} signal per OAuth scope it requires, and a
 * credential per security scheme it requires. Local {@code $ref}s are followed; references to
 * other documents are reported and never fetched. The API itself is added as a server whose
 * tools are known.
 */
public final class OpenApiIngester implements DocumentIngester {
    static final String METHOD_SIGNAL = "http-method";
    static final String SCOPE_SIGNAL = "openapi-scope";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    @Override
    public String kind() {
        return "openapi";
    }

    @Override
    public boolean recognises(SourceFile file, DocNode root) {
        return root instanceof DocMap m && m.string("openapi").filter(v -> v.startsWith("3.")).isPresent();
    }

    @Override
    public void ingest(SourceFile file, DocNode root, ModelBuilder model) throws DocException {
        DocMap api = DocShapes.object(root, "an OpenAPI document");
        Optional<DocMap> info = DocShapes.object(api, "info");
        String toolset = toolset(file, api, info);
        Api context = new Api(toolset, new LocalRefs(api, model), securitySchemes(api), DocShapes.array(api, "security"), model);
        List<Tool> tools = new ArrayList<>();
        Optional<DocMap> paths = DocShapes.object(api, "paths");
        if (paths.isPresent()) {
            for (DocMap.Entry path : paths.get().entries()) {
                Optional<DocMap> item = context.refs().resolve(path.value(), "path '" + path.key() + "'");
                if (item.isPresent()) {
                    readPath(context, path.key(), item.get(), tools);
                }
            }
        }
        tools.forEach(model::addTool);
        model.addServer(new Server(toolset, "openapi", "", List.of(), SecretText.maskUrl(firstServerUrl(api)),
                info.map(DocMap::location).orElse(api.location()), List.of(), true));
    }

    /** What every operation of one document shares. */
    private record Api(String toolset, LocalRefs refs, Optional<DocMap> schemes, Optional<DocList> defaultSecurity,
            ModelBuilder model) {
    }

    private static String toolset(SourceFile file, DocMap api, Optional<DocMap> info) throws DocException {
        Optional<String> declared = DocShapes.text(api, "x-faultline-toolset");
        if (declared.isEmpty() && info.isPresent()) {
            declared = DocShapes.text(info.get(), "x-faultline-toolset");
        }
        if (declared.isPresent() && !declared.get().isBlank()) {
            return declared.get().strip();
        }
        String title = info.isPresent() ? DocShapes.text(info.get(), "title", "") : "";
        String slug = ToolsetNames.slug(title, "-");
        return slug.isEmpty() ? ToolsetNames.fromFile(file) : slug;
    }

    private static Optional<DocMap> securitySchemes(DocMap api) throws DocException {
        Optional<DocMap> components = DocShapes.object(api, "components");
        return components.isPresent() ? DocShapes.object(components.get(), "securitySchemes") : Optional.empty();
    }

    private static String firstServerUrl(DocMap api) throws DocException {
        Optional<DocList> servers = DocShapes.array(api, "servers");
        if (servers.isEmpty() || servers.get().items().isEmpty()) {
            return "";
        }
        return DocShapes.text(DocShapes.object(servers.get().items().get(0), "a server"), "url", "");
    }

    private static void readPath(Api api, String path, DocMap item, List<Tool> tools) throws DocException {
        List<DocNode> shared = DocShapes.array(item, "parameters").map(DocList::items).orElse(List.of());
        for (DocMap.Entry entry : item.entries()) {
            if (METHODS.contains(entry.key())) {
                DocMap operation = DocShapes.object(entry.value(), "operation '" + entry.key() + " " + path + "'");
                tools.add(operation(api, path, entry.key(), operation, shared));
            }
        }
    }

    private static Tool operation(Api api, String path, String method, DocMap operation, List<DocNode> shared)
            throws DocException {
        String name = DocShapes.text(operation, "operationId").filter(id -> !id.isBlank())
                .orElseGet(() -> method + "_" + pathSlug(path));
        String description = (DocShapes.text(operation, "summary", "") + " " + DocShapes.text(operation, "description", "")).strip();
        List<Signal> signals = new ArrayList<>();
        signals.add(Signal.of(METHOD_SIGNAL, method.toUpperCase(Locale.ROOT), operation.location()));
        List<CredentialRef> credentials = new ArrayList<>();
        Optional<DocList> security = operation.has("security") ? DocShapes.array(operation, "security") : api.defaultSecurity();
        if (security.isPresent()) {
            readSecurity(api, security.get(), signals, credentials);
        }
        return new Tool(Tool.idOf(api.toolset(), name), api.toolset(), name, "openapi", description, operation.location(),
                parameters(api, operation, shared), signals, credentials);
    }

    private static String pathSlug(String path) {
        String slug = ToolsetNames.slug(path, "_");
        return slug.isEmpty() ? "root" : slug;
    }

    private static List<Parameter> parameters(Api api, DocMap operation, List<DocNode> shared) throws DocException {
        Map<String, Parameter> byPlace = new LinkedHashMap<>();
        for (DocNode node : shared) {
            addParameter(api, node, byPlace);
        }
        for (DocNode node : DocShapes.array(operation, "parameters").map(DocList::items).orElse(List.of())) {
            addParameter(api, node, byPlace);
        }
        List<Parameter> out = new ArrayList<>(byPlace.values());
        Optional<DocMap> body = DocShapes.present(operation, "requestBody").isPresent()
                ? api.refs().resolve(operation.get("requestBody").orElseThrow(), "'requestBody'") : Optional.empty();
        if (body.isPresent()) {
            Optional<DocMap> schema = bodySchema(api, body.get());
            if (schema.isPresent()) {
                out.addAll(JsonSchemaParameters.of(schema.get(), api.refs()));
            }
        }
        return out;
    }

    /** Adds a parameter keyed by {@code in} and name, so an operation's own parameter replaces the path item's. */
    private static void addParameter(Api api, DocNode node, Map<String, Parameter> byPlace) throws DocException {
        Optional<DocMap> resolved = api.refs().resolve(node, "a parameter");
        if (resolved.isEmpty()) {
            return;
        }
        DocMap parameter = resolved.get();
        String name = DocShapes.text(parameter, "name").filter(n -> !n.isBlank())
                .orElseThrow(() -> new DocException("OpenAPI parameter has no 'name'", node.location()));
        String in = DocShapes.text(parameter, "in", "");
        String type = "";
        if (DocShapes.present(parameter, "schema").isPresent()) {
            Optional<DocMap> schema = api.refs().resolve(parameter.get("schema").orElseThrow(), "'schema'");
            type = schema.isPresent() ? JsonSchemaParameters.typeOf(schema.get()) : "";
        }
        byPlace.remove(in + ":" + name);
        byPlace.put(in + ":" + name, new Parameter(name, type, DocShapes.text(parameter, "description", ""), node.location()));
    }

    /** The schema of the JSON request body (or of the first media type when none is JSON). */
    private static Optional<DocMap> bodySchema(Api api, DocMap body) throws DocException {
        Optional<DocMap> content = DocShapes.object(body, "content");
        if (content.isEmpty() || content.get().entries().isEmpty()) {
            return Optional.empty();
        }
        DocMap.Entry chosen = content.get().entries().stream()
                .filter(e -> e.key().toLowerCase(Locale.ROOT).matches("application/([a-z0-9.+-]*\\+)?json(;.*)?"))
                .findFirst().orElse(content.get().entries().get(0));
        DocMap media = DocShapes.object(chosen.value(), "media type '" + chosen.key() + "'");
        Optional<DocNode> schema = DocShapes.present(media, "schema");
        return schema.isPresent() ? api.refs().resolve(schema.get(), "'schema'") : Optional.empty();
    }

    /** Scope signals and one credential per security scheme the requirement alternatives name. */
    private static void readSecurity(Api api, DocList security, List<Signal> signals, List<CredentialRef> credentials)
            throws DocException {
        Set<String> scopesSeen = new LinkedHashSet<>();
        Set<String> schemesSeen = new LinkedHashSet<>();
        for (DocNode alternative : security.items()) {
            for (DocMap.Entry requirement : DocShapes.object(alternative, "a security requirement").entries()) {
                Location at = requirement.keyLocation().withPointer(requirement.value().location().pointer());
                List<String> scopes = new ArrayList<>();
                for (DocNode scope : DocShapes.array(requirement.value(), "'" + requirement.key() + "'").items()) {
                    String text = DocShapes.text(scope, "a scope of '" + requirement.key() + "'");
                    scopes.add(text);
                    if (scopesSeen.add(text)) {
                        signals.add(Signal.of(SCOPE_SIGNAL, text, scope.location()));
                    }
                }
                if (schemesSeen.add(requirement.key())) {
                    credential(api, requirement.key(), scopes, at).ifPresent(credentials::add);
                }
            }
        }
    }

    private static Optional<CredentialRef> credential(Api api, String schemeName, List<String> scopes, Location at)
            throws DocException {
        Optional<DocNode> declared = api.schemes().flatMap(s -> DocShapes.present(s, schemeName));
        if (declared.isEmpty()) {
            api.model().notify("warning", "unknown-security-scheme", "security scheme '" + schemeName
                    + "' is required but not declared in components.securitySchemes", at);
            return Optional.empty();
        }
        Optional<DocMap> resolved = api.refs().resolve(declared.get(), "security scheme '" + schemeName + "'");
        if (resolved.isEmpty()) {
            return Optional.empty();
        }
        DocMap scheme = resolved.get();
        String type = DocShapes.text(scheme, "type", "");
        return Optional.of(switch (type) {
            case "apiKey" -> {
                String in = DocShapes.text(scheme, "in", "header");
                String name = DocShapes.text(scheme, "name", schemeName);
                yield new CredentialRef(name, in.equals("header") ? "header" : in, List.of(), at, false);
            }
            case "http" -> new CredentialRef("Authorization", "header", List.of(), at, false);
            case "oauth2", "openIdConnect" -> new CredentialRef(schemeName, "scope", scopes, at, false);
            default -> new CredentialRef(schemeName, "config", List.of(), at, false);
        });
    }
}
