package dev.faultline.ingest.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.faultline.doc.DocException;
import dev.faultline.ingest.ModelBuilder;
import dev.faultline.model.AgentModel;
import dev.faultline.model.CredentialRef;
import dev.faultline.model.Parameter;
import dev.faultline.model.Server;
import dev.faultline.model.Signal;
import dev.faultline.model.Tool;
import dev.faultline.report.Notification;
import org.junit.jupiter.api.Test;

class OpenApiIngesterTest {
    private final OpenApiIngester ingester = new OpenApiIngester();

    private AgentModel billing() throws DocException {
        return Fixtures.ingest(ingester, "billing-openapi.yaml");
    }

    @Test
    void everyOperationIsAToolOfTheApiNamedAfterItsTitle() throws DocException {
        AgentModel model = billing();

        assertThat(model.tools()).extracting(Tool::id).containsExactly(
                "acme-billing-api/addCustomerNote", "acme-billing-api/createInvoice", "acme-billing-api/deleteInvoice",
                "acme-billing-api/health", "acme-billing-api/listInvoices", "acme-billing-api/patch_invoices_invoiceid");
        Tool list = model.tool("acme-billing-api/listInvoices").orElseThrow();
        assertThat(list.origin()).isEqualTo("openapi");
        assertThat(list.description()).isEqualTo("List invoices Returns invoices, newest first.");
        assertThat(list.location().startLine()).isEqualTo(17);
        assertThat(list.location().pointer()).isEqualTo("/paths/~1invoices/get");
    }

    @Test
    void httpMethodIsASignalOfEveryOperation() throws DocException {
        AgentModel model = billing();

        assertThat(model.tools()).extracting(t -> t.signals().stream().filter(s -> s.kind().equals("http-method"))
                .map(Signal::value).toList().toString())
                .containsExactly("[POST]", "[POST]", "[DELETE]", "[GET]", "[GET]", "[PATCH]");
    }

    @Test
    void parametersIncludeResolvedRefsPathItemParametersAndTheJsonBody() throws DocException {
        AgentModel model = billing();

        assertThat(model.tool("acme-billing-api/listInvoices").orElseThrow().parameters())
                .extracting(Parameter::name, Parameter::type, Parameter::description)
                .containsExactly(tuple("limit", "integer", "Page size"), tuple("status", "string", "Filter by status"));
        assertThat(model.tool("acme-billing-api/createInvoice").orElseThrow().parameters())
                .extracting(Parameter::name, Parameter::type, Parameter::description)
                .containsExactly(tuple("customerId", "string", "Customer to bill"), tuple("dueDate", "string", ""),
                        tuple("total", "object", ""));
        assertThat(model.tool("acme-billing-api/patch_invoices_invoiceid").orElseThrow().parameters())
                .extracting(Parameter::name, Parameter::type)
                .containsExactly(tuple("invoiceId", "string"), tuple("status", "string"), tuple("loop", ""));
        assertThat(model.tool("acme-billing-api/patch_invoices_invoiceid").orElseThrow().parameters().get(0)
                .location().startLine()).isEqualTo(46);
    }

    @Test
    void scopesOfTheOperationOrTheTopLevelSecurityBecomeSignalsAndCredentials() throws DocException {
        AgentModel model = billing();

        Tool delete = model.tool("acme-billing-api/deleteInvoice").orElseThrow();
        assertThat(delete.signals()).filteredOn(s -> s.kind().equals("openapi-scope")).extracting(Signal::value)
                .containsExactly("billing:admin", "billing:write");
        assertThat(delete.credentials()).extracting(CredentialRef::name, CredentialRef::kind, CredentialRef::scopes)
                .containsExactly(tuple("oauth", "scope", java.util.List.of("billing:admin", "billing:write")));
        assertThat(delete.credentials().get(0).location().startLine()).isEqualTo(68);

        Tool list = model.tool("acme-billing-api/listInvoices").orElseThrow();
        assertThat(list.signals()).filteredOn(s -> s.kind().equals("openapi-scope")).extracting(Signal::value)
                .containsExactly("billing:read");
        assertThat(list.credentials()).extracting(CredentialRef::name, CredentialRef::scopes)
                .containsExactly(tuple("oauth", java.util.List.of("billing:read")));
    }

    @Test
    void apiKeyAndBearerSchemesAreHeaderCredentials() throws DocException {
        AgentModel model = billing();

        assertThat(model.tool("acme-billing-api/createInvoice").orElseThrow().credentials())
                .extracting(CredentialRef::name, CredentialRef::kind, CredentialRef::inlineSecret)
                .containsExactly(tuple("oauth", "scope", false), tuple("X-Api-Key", "header", false));
        assertThat(model.tool("acme-billing-api/patch_invoices_invoiceid").orElseThrow().credentials())
                .extracting(CredentialRef::name, CredentialRef::kind)
                .containsExactly(tuple("Authorization", "header"));
    }

    @Test
    void anEmptySecurityListMeansNoCredentials() throws DocException {
        Tool health = billing().tool("acme-billing-api/health").orElseThrow();

        assertThat(health.credentials()).isEmpty();
        assertThat(health.signals()).extracting(Signal::kind).containsExactly("http-method");
    }

    @Test
    void theApiIsAServerWithKnownTools() throws DocException {
        AgentModel model = billing();

        assertThat(model.servers()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("acme-billing-api");
            assertThat(s.transport()).isEqualTo("openapi");
            assertThat(s.url()).isEqualTo("https://api.billing.acme.example/v2");
            assertThat(s.toolsKnown()).isTrue();
            assertThat(s.credentials()).isEmpty();
            assertThat(s.location().startLine()).isEqualTo(3);
        });
        assertThat(model.notifications()).extracting(Notification::id).doesNotContain("tools-not-enumerable");
    }

    @Test
    void externalRefsAreNeverFollowedButReportedAndCyclesAreSafe() throws DocException {
        AgentModel model = billing();

        assertThat(model.tool("acme-billing-api/addCustomerNote").orElseThrow().parameters()).isEmpty();
        assertThat(model.notifications()).filteredOn(n -> n.id().equals("external-ref")).singleElement()
                .satisfies(n -> {
                    assertThat(n.level()).isEqualTo("warning");
                    assertThat(n.message()).contains("https://schemas.acme.example/note.json").contains("not followed");
                    assertThat(n.location().startLine()).isEqualTo(86);
                });
        assertThat(model.notifications()).extracting(Notification::id).contains("ref-cycle");
    }

    @Test
    void toolsetCanBeDeclaredAndJsonIsReadToo() throws DocException {
        Fixtures.Loaded loaded = Fixtures.parse("apis/pets.json", """
                {"openapi": "3.1.0", "x-faultline-toolset": "petstore",
                 "info": {"title": "Swagger Petstore"},
                 "paths": {"/pets/{petId}": {"delete": {"responses": {}}}}}
                """);
        assertThat(ingester.recognises(loaded.file(), loaded.root())).isTrue();
        ModelBuilder builder = new ModelBuilder();

        ingester.ingest(loaded.file(), loaded.root(), builder);

        AgentModel model = builder.build();
        assertThat(model.tools()).extracting(Tool::id).containsExactly("petstore/delete_pets_petid");
        assertThat(model.servers()).extracting(Server::url).containsExactly("");
    }

    @Test
    void swagger2AndWrongShapesAreRejected() throws DocException {
        Fixtures.Loaded swagger = Fixtures.parse("api.yaml", "swagger: '2.0'\ninfo: {title: x}\npaths: {}\n");
        assertThat(ingester.recognises(swagger.file(), swagger.root())).isFalse();
        Fixtures.Loaded bad = Fixtures.parse("api.yaml", "openapi: 3.0.0\ninfo: {title: x}\npaths:\n  /a:\n    get: [1]\n");
        assertThatThrownBy(() -> ingester.ingest(bad.file(), bad.root(), new ModelBuilder()))
                .isInstanceOf(DocException.class)
                .hasMessage("expected an object for operation 'get /a', found array")
                .satisfies(e -> assertThat(((DocException) e).location().startLine()).isEqualTo(5));
    }

    @Test
    void undeclaredSchemeIsReported() throws DocException {
        Fixtures.Loaded loaded = Fixtures.parse("api.yaml",
                "openapi: 3.0.0\ninfo: {title: Ops}\npaths:\n  /x:\n    post:\n      security:\n        - ghost: [root]\n");
        ModelBuilder builder = new ModelBuilder();

        ingester.ingest(loaded.file(), loaded.root(), builder);

        AgentModel model = builder.build();
        assertThat(model.tool("ops/post_x").orElseThrow().signals()).extracting(Signal::value).containsExactly("POST", "root");
        assertThat(model.notifications()).extracting(Notification::id).contains("unknown-security-scheme");
    }
}
