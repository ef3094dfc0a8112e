import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a synthetic Java monorepo of about {@code FILES} source files into {@code DIR}:
 * {@code java bench/GenRepo.java DIR FILES [SEED]}. Deterministic for a seed (same bytes).
 *
 * <p>Proportions per module of 50 files: one tool class (LangChain4j and Spring AI alternate, three
 * tools each), one agent wiring (AiServices / ChatClient) every other module, two services the tools
 * call, a JDBC repository, a mail or HTTP client, and the rest (about 88%) code that has nothing to
 * do with tools: entities, DTOs, utilities, web controllers, and tests.
 */
public final class GenRepo {
    /** One module's package and its numbered name. */
    record Module(int n, String pkg) {
    }

    private final Path root;
    private final Random rnd;
    private long lines;
    private int files;

    GenRepo(Path root, long seed) {
        this.root = root;
        this.rnd = new Random(seed);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java bench/GenRepo.java DIR FILES [SEED]");
            System.exit(2);
        }
        GenRepo g = new GenRepo(Path.of(args[0]), args.length > 2 ? Long.parseLong(args[2]) : 42L);
        int target = Integer.parseInt(args[1]);
        int modules = Math.max(1, (target + 49) / 50);
        for (int m = 0; m < modules; m++) {
            g.module(new Module(m, "com.synth.m" + m), m, Math.min(50, target - 50 * m));
        }
        g.write("faultline.yaml", "version: 1\nagents:\n  - name: synth-agent\n    entry-points:\n"
                + "      - name: inbound\n        trust: untrusted\n    tools: [\"*\"]\n");
        System.out.printf("generated %d files, %d lines in %s%n", g.files, g.lines, args[0]);
    }

    private void module(Module mod, int m, int count) throws IOException {
        List<Runnable> unused = new ArrayList<>();
        int written = 0;
        String dir = "module-" + m + "/src/main/java/" + mod.pkg().replace('.', '/') + "/";
        String test = "module-" + m + "/src/test/java/" + mod.pkg().replace('.', '/') + "/";
        if (count >= 8) {
            write(dir + "data/CustomerRepository" + m + ".java", jdbcRepo(mod));
            write(dir + "notify/Notifier" + m + ".java", m % 2 == 0 ? mailClient(mod) : httpClient(mod));
            write(dir + "service/AccountService" + m + ".java", service(mod, "Account", true));
            write(dir + "service/ReportService" + m + ".java", service(mod, "Report", false));
            write(dir + "tools/SupportTools" + m + ".java", m % 2 == 0 ? lc4jTools(mod) : springTools(mod));
            written = 5;
            if (m % 2 == 0) {
                write(dir + "agent/AgentConfig" + m + ".java", lc4jAgent(mod));
                write(dir + "agent/Assistant" + m + ".java", assistant(mod));
                written += 2;
            }
        }
        for (int i = written; i < count; i++) {
            int kind = rnd.nextInt(10);
            String name;
            String body;
            switch (kind) {
                case 0, 1, 2 -> { name = "model/Entity" + i; body = entity(mod, "model", "Entity" + i); }
                case 3, 4 -> { name = "util/Helper" + i; body = helper(mod, "Helper" + i); }
                case 5 -> { name = "web/Controller" + i; body = controller(mod, "Controller" + i); }
                case 6 -> { name = "dto/Dto" + i; body = dto(mod, "Dto" + i); }
                default -> { name = null; body = unitTest(mod, "Helper" + i + "Test"); }
            }
            if (name == null) {
                write(test + "Helper" + i + "Test.java", body);
            } else {
                write(dir + name + ".java", body);
            }
        }
    }

    private void write(String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        if (rel.endsWith(".java")) {
            files++;
            lines += text.lines().count();
        }
    }

    private String lc4jTools(Module mod) {
        int m = mod.n();
        return """
                package %1$s.tools;

                import %1$s.service.AccountService%2$d;
                import %1$s.service.ReportService%2$d;
                import dev.langchain4j.agent.tool.P;
                import dev.langchain4j.agent.tool.Tool;

                /** Tools of module %2$d. */
                public class SupportTools%2$d {
                    private final AccountService%2$d accounts;
                    private final ReportService%2$d reports;

                    public SupportTools%2$d(AccountService%2$d accounts, ReportService%2$d reports) {
                        this.accounts = accounts;
                        this.reports = reports;
                    }

                    @Tool("Looks up a customer's account by email")
                    public String findAccount(@P("email") String email) {
                        return accounts.find(email);
                    }

                    @Tool("Sends a message to the customer")
                    public String notifyCustomer(@P("email") String email, @P("text") String text) {
                        accounts.notify(email, text);
                        return "sent";
                    }

                    @Tool("Summarises this month's report")
                    public String monthlyReport(@P("month") int month) {
                        return reports.summary(month);
                    }
                }
                """.formatted(mod.pkg(), m);
    }

    private String springTools(Module mod) {
        int m = mod.n();
        return """
                package %1$s.tools;

                import %1$s.service.AccountService%2$d;
                import %1$s.service.ReportService%2$d;
                import org.springframework.ai.tool.annotation.Tool;
                import org.springframework.ai.tool.annotation.ToolParam;
                import org.springframework.stereotype.Component;

                /** Tools of module %2$d. */
                @Component
                public class SupportTools%2$d {
                    private final AccountService%2$d accounts;
                    private final ReportService%2$d reports;

                    public SupportTools%2$d(AccountService%2$d accounts, ReportService%2$d reports) {
                        this.accounts = accounts;
                        this.reports = reports;
                    }

                    @Tool(description = "Looks up a customer's account by email")
                    public String findAccount(@ToolParam(description = "email") String email) {
                        return accounts.find(email);
                    }

                    @Tool(description = "Fetches the status page of a partner")
                    public String partnerStatus(@ToolParam(description = "partner host") String host) {
                        return accounts.status(host);
                    }

                    @Tool(description = "Summarises this month's report")
                    public String monthlyReport(@ToolParam(description = "month") int month) {
                        return reports.summary(month);
                    }
                }
                """.formatted(mod.pkg(), m);
    }

    private String lc4jAgent(Module mod) {
        return """
                package %1$s.agent;

                import %1$s.tools.SupportTools%2$d;
                import dev.langchain4j.model.chat.ChatLanguageModel;
                import dev.langchain4j.service.AiServices;

                public class AgentConfig%2$d {
                    public Assistant%2$d assistant(ChatLanguageModel model, SupportTools%2$d tools) {
                        return AiServices.builder(Assistant%2$d.class)
                                .chatLanguageModel(model)
                                .tools(tools)
                                .build();
                    }
                }
                """.formatted(mod.pkg(), mod.n());
    }

    private String assistant(Module mod) {
        return """
                package %1$s.agent;

                import dev.langchain4j.service.SystemMessage;

                public interface Assistant%2$d {
                    @SystemMessage("You help customers of module %2$d with their accounts.")
                    String chat(String message);
                }
                """.formatted(mod.pkg(), mod.n());
    }

    private String service(Module mod, String what, boolean notifier) {
        int m = mod.n();
        StringBuilder extra = new StringBuilder();
        for (int i = 0; i < 4 + rnd.nextInt(8); i++) {
            extra.append(method("internal" + i));
        }
        return """
                package %1$s.service;

                import %1$s.data.CustomerRepository%2$d;
                import %1$s.notify.Notifier%2$d;
                import java.util.List;

                public class %3$sService%2$d {
                    private final CustomerRepository%2$d repo;
                    private final Notifier%2$d notifier;

                    public %3$sService%2$d(CustomerRepository%2$d repo, Notifier%2$d notifier) {
                        this.repo = repo;
                        this.notifier = notifier;
                    }

                    public String find(String email) {
                        List<String> rows = repo.byEmail(email);
                        return rows.isEmpty() ? "none" : String.join(",", rows);
                    }

                    public void notify(String email, String text) {
                        notifier.send(email, "Update", text);
                    }

                    public String status(String host) {
                        return notifier.fetch(host);
                    }

                    public String summary(int month) {
                        return "month " + month + ": " + repo.count();
                    }
                %4$s}
                """.formatted(mod.pkg(), m, what, extra);
    }

    private String jdbcRepo(Module mod) {
        return """
                package %1$s.data;

                import java.util.List;
                import org.springframework.jdbc.core.JdbcTemplate;

                public class CustomerRepository%2$d {
                    private final JdbcTemplate jdbc;

                    public CustomerRepository%2$d(JdbcTemplate jdbc) {
                        this.jdbc = jdbc;
                    }

                    public List<String> byEmail(String email) {
                        return jdbc.queryForList("SELECT name FROM customers WHERE email = ?", String.class, email);
                    }

                    public int count() {
                        Integer n = jdbc.queryForObject("SELECT count(*) FROM customers", Integer.class);
                        return n == null ? 0 : n;
                    }
                }
                """.formatted(mod.pkg(), mod.n());
    }

    private String mailClient(Module mod) {
        return """
                package %1$s.notify;

                import org.springframework.mail.SimpleMailMessage;
                import org.springframework.mail.javamail.JavaMailSender;

                public class Notifier%2$d {
                    private final JavaMailSender mail;

                    public Notifier%2$d(JavaMailSender mail) {
                        this.mail = mail;
                    }

                    public void send(String to, String subject, String text) {
                        SimpleMailMessage msg = new SimpleMailMessage();
                        msg.setTo(to);
                        msg.setSubject(subject);
                        msg.setText(text);
                        mail.send(msg);
                    }

                    public String fetch(String host) {
                        return "n/a";
                    }
                }
                """.formatted(mod.pkg(), mod.n());
    }

    private String httpClient(Module mod) {
        return """
                package %1$s.notify;

                import java.net.URI;
                import java.net.http.HttpClient;
                import java.net.http.HttpRequest;
                import java.net.http.HttpResponse;

                public class Notifier%2$d {
                    private final HttpClient http = HttpClient.newHttpClient();
                    private final String token = System.getenv("PARTNER_TOKEN");

                    public void send(String to, String subject, String text) {
                        post("https://hooks.example.com/notify", to + ":" + subject + ":" + text);
                    }

                    public String fetch(String host) {
                        return post("https://" + host + "/status", "");
                    }

                    private String post(String url, String body) {
                        try {
                            HttpRequest req = HttpRequest.newBuilder(URI.create(url))
                                    .header("Authorization", "Bearer " + token)
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                            return http.send(req, HttpResponse.BodyHandlers.ofString()).body();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
                """.formatted(mod.pkg(), mod.n());
    }

    private String entity(Module mod, String sub, String name) {
        int fields = 4 + rnd.nextInt(14);
        StringBuilder f = new StringBuilder();
        StringBuilder acc = new StringBuilder();
        for (int i = 0; i < fields; i++) {
            String type = switch (rnd.nextInt(4)) { case 0 -> "String"; case 1 -> "long"; case 2 -> "java.time.Instant"; default -> "int"; };
            f.append("    private ").append(type).append(" field").append(i).append(";\n");
            acc.append("""

                    /** Returns field%1$d. */
                    public %2$s getField%1$d() {
                        return field%1$d;
                    }

                    public void setField%1$d(%2$s value) {
                        this.field%1$d = value;
                    }
                """.formatted(i, type));
        }
        return "package " + mod.pkg() + "." + sub + ";\n\nimport java.util.Objects;\n\n/** A persistent " + name + ". */\npublic class "
                + name + " {\n" + f + acc + "\n    @Override\n    public int hashCode() {\n        return Objects.hash(field0);\n    }\n}\n";
    }

    private String method(String name) {
        int n = rnd.nextInt(6);
        StringBuilder b = new StringBuilder();
        b.append("\n    public int ").append(name).append("(int[] values, String label) {\n        int total = 0;\n");
        for (int i = 0; i < n + 2; i++) {
            b.append("        for (int i = 0; i < values.length; i++) {\n")
             .append("            if (values[i] % ").append(i + 2).append(" == 0 && label != null) {\n")
             .append("                total += values[i] * ").append(i + 1).append(";\n")
             .append("            } else {\n                total -= label == null ? 1 : label.length();\n            }\n        }\n");
        }
        b.append("        return total;\n    }\n");
        return b.toString();
    }

    private String helper(Module mod, String name) {
        StringBuilder b = new StringBuilder("package " + mod.pkg() + ".util;\n\nimport java.util.ArrayList;\nimport java.util.List;\n\n"
                + "/** Helpers. */\npublic final class " + name + " {\n    private " + name + "() {\n    }\n");
        for (int i = 0; i < 3 + rnd.nextInt(6); i++) {
            b.append(method("compute" + i).replace("public int", "public static int"));
        }
        b.append("\n    public static List<String> split(String s) {\n        List<String> out = new ArrayList<>();\n"
                + "        for (String part : s.split(\",\")) {\n            out.add(part.trim());\n        }\n        return out;\n    }\n}\n");
        return b.toString();
    }

    private String controller(Module mod, String name) {
        StringBuilder b = new StringBuilder("package " + mod.pkg() + ".web;\n\nimport org.springframework.web.bind.annotation.GetMapping;\n"
                + "import org.springframework.web.bind.annotation.PathVariable;\nimport org.springframework.web.bind.annotation.RestController;\n\n"
                + "@RestController\npublic class " + name + " {\n");
        for (int i = 0; i < 2 + rnd.nextInt(6); i++) {
            b.append("\n    @GetMapping(\"/items/{id}/part").append(i).append("\")\n    public String part").append(i)
             .append("(@PathVariable String id) {\n        StringBuilder sb = new StringBuilder();\n        for (char c : id.toCharArray()) {\n")
             .append("            sb.append(Character.isDigit(c) ? c : '-');\n        }\n        return sb.toString();\n    }\n");
        }
        return b.append("}\n").toString();
    }

    private String dto(Module mod, String name) {
        StringBuilder comps = new StringBuilder();
        int n = 2 + rnd.nextInt(8);
        for (int i = 0; i < n; i++) {
            comps.append(i == 0 ? "" : ", ").append(i % 2 == 0 ? "String" : "long").append(" c").append(i);
        }
        return "package " + mod.pkg() + ".dto;\n\n/** Transfer object. */\npublic record " + name + "(" + comps + ") {\n"
                + "    public " + name + " {\n        java.util.Objects.requireNonNull(c0);\n    }\n}\n";
    }

    private String unitTest(Module mod, String name) {
        StringBuilder b = new StringBuilder("package " + mod.pkg() + ";\n\nimport static org.junit.jupiter.api.Assertions.assertEquals;\n\n"
                + "import org.junit.jupiter.api.Test;\n\nclass " + name + " {\n");
        for (int i = 0; i < 3 + rnd.nextInt(8); i++) {
            b.append("\n    @Test\n    void case").append(i).append("() {\n        int[] v = {").append(i).append(", 2, 3};\n")
             .append("        int sum = 0;\n        for (int x : v) {\n            sum += x;\n        }\n")
             .append("        assertEquals(").append(i + 5).append(", sum);\n    }\n");
        }
        return b.append("}\n").toString();
    }
}
