package com.example.ops;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Operations tools for the on-call assistant. Every tool here trusts the model's arguments. */
public class OpsTools {
    private final DataSource dataSource;
    private final HttpClient http = HttpClient.newHttpClient();

    public OpsTools(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Tool("Counts failed jobs; 'filter' is an SQL condition such as status = 'FAILED'")
    public int countJobs(@P("SQL condition") String filter) throws SQLException {
        String sql = "SELECT count(*) FROM jobs WHERE " + filter;
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            // expect: argument-injection OpsTools/countJobs:filter->sql
            ResultSet rs = st.executeQuery(sql);
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    @Tool("Shows the tail of a service's journal")
    public String journal(@P("systemd unit") String unit) throws IOException {
        // expect: argument-injection OpsTools/journal:unit->command
        Process p = new ProcessBuilder("sh", "-c", "journalctl -n 200 -u " + unit).start();
        return new String(p.getInputStream().readAllBytes());
    }

    @Tool("Reads a runbook page")
    public String runbook(@P("runbook file name") String name) throws IOException {
        Path page = Path.of("/srv/runbooks", name);
        // expect: argument-injection OpsTools/runbook:name->path
        return Files.readString(page);
    }

    @Tool("Deletes a stale lock file")
    public boolean unlock(@P("lock file") String lockFile) {
        // expect: argument-injection OpsTools/unlock:lockFile->path
        return new File(lockFile).delete();
    }

    @Tool("Checks a service's health endpoint")
    public String health(@P("service host name") String host) throws IOException, InterruptedException {
        // expect: argument-injection OpsTools/health:host->url
        URI uri = URI.create("http://" + host + ":8080/actuator/health");
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        return r.body();
    }
}
