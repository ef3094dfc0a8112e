package com.example.expenses;

import com.microsoft.semantickernel.semanticfunctions.annotations.DefineKernelFunction;
import com.microsoft.semantickernel.semanticfunctions.annotations.KernelFunctionParameter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Back-office functions for the finance admins' own kernel (another service). The expense assistant
 * does not register this plugin, so the receipts it reads cannot steer these functions.
 */
public class ClaimsAdminPlugin {
    private final DataSource db;

    public ClaimsAdminPlugin(DataSource db) {
        this.db = db;
    }

    // expect: blast-radius ClaimsAdminPlugin/delete_claim=irreversible
    // ok: taint-path
    @DefineKernelFunction(name = "delete_claim", description = "Deletes a claim and its receipt")
    public String deleteClaim(@KernelFunctionParameter(name = "claim_id", description = "the claim id") String claimId) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("delete from claims where id = ?")) {
            s.setString(1, claimId);
            return s.executeUpdate() == 1 ? "deleted" : "no such claim";
        }
    }
}
