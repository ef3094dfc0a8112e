package com.example.ops;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;

/** The same operations, written safely: nothing here may be reported. */
public class SafeOpsTools {
    private static final Path RUNBOOKS = Path.of("/srv/runbooks");
    private static final Set<String> UNITS = Set.of("billing.service", "orders.service");

    private final DataSource dataSource;

    public SafeOpsTools(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Tool("Counts jobs in a status")
    public int countJobs(@P("job status") String status) throws SQLException {
        try (Connection c = dataSource.getConnection();
             // ok: argument-injection
             PreparedStatement st = c.prepareStatement("SELECT count(*) FROM jobs WHERE status = ?")) {
            st.setString(1, status);
            ResultSet rs = st.executeQuery();
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    @Tool("Shows the tail of a service's journal")
    public String journal(@P("systemd unit") String unit) throws IOException {
        if (!UNITS.contains(unit)) {
            return "unknown unit";
        }
        // ok: argument-injection
        Process p = new ProcessBuilder("journalctl", "-n", "200", "-u", unit).start();
        return new String(p.getInputStream().readAllBytes());
    }

    @Tool("Reads a runbook page")
    public String runbook(@P("runbook file name") String name) throws IOException {
        Path page = RUNBOOKS.resolve(name).normalize();
        if (!page.startsWith(RUNBOOKS)) {
            throw new IllegalArgumentException("outside the runbooks folder");
        }
        // ok: argument-injection
        return Files.readString(page);
    }

    @Tool("Reads job logs by numeric id")
    public String jobLog(@P("job id") long jobId) throws IOException {
        // ok: argument-injection
        return Files.readString(Path.of("/var/log/jobs", jobId + ".log"));
    }

    @Tool("Links to a ticket on the fixed helpdesk host")
    public String ticketLink(@P("ticket id") String ticketId) {
        // ok: argument-injection
        return URI.create("https://helpdesk.example.com/tickets/" + ticketId).toString();
    }
}
