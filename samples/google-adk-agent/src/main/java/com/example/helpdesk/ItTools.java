package com.example.helpdesk;

import com.google.adk.tools.Annotations.Schema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/** IT helpdesk tools. FunctionTool.create(Class, name) needs them static. */
public final class ItTools {
    private static final IdentityClient IDENTITY = new IdentityClient("https://example.okta.com", System.getenv("OKTA_API_TOKEN"));

    private ItTools() {
    }

    // expect: blast-radius ItTools/reset_password=privileged
    // expect: taint-path it_agent:ItTools/reset_password
    @Schema(name = "reset_password", description = "Expires an employee's password and emails them a reset link")
    public static Map<String, String> resetPassword(@Schema(name = "employee_id", description = "the employee's id, e.g. E1042") String employeeId) {
        IDENTITY.resetPassword(employeeId);
        return Map.of("status", "reset link sent");
    }

    // registered by name without @Schema: the model sees the method name
    public static Map<String, Object> lookupDevice(String serialNumber) throws SQLException {
        try (Connection db = DriverManager.getConnection(System.getenv("ASSETS_DB_URL"));
             PreparedStatement query = db.prepareStatement("select owner, model, last_seen from devices where serial = ?")) {
            query.setString(1, serialNumber);
            ResultSet row = query.executeQuery();
            return row.next()
                    ? Map.of("owner", row.getString(1), "model", row.getString(2), "lastSeen", row.getTimestamp(3).toString())
                    : Map.of("error", "unknown serial " + serialNumber);
        }
    }

    // ok: blast-radius
    @Schema(name = "wipe_device", description = "Remotely wipes a laptop (not enabled: waiting for the security review)")
    public static Map<String, String> wipeDevice(@Schema(name = "serial_number") String serialNumber) {
        IDENTITY.wipeDevice(serialNumber);
        return Map.of("status", "wipe scheduled");
    }
}
