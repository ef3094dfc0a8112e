package com.example.expenses;

import com.microsoft.semantickernel.semanticfunctions.annotations.DefineKernelFunction;
import com.microsoft.semantickernel.semanticfunctions.annotations.KernelFunctionParameter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Expense claims of the signed-in employee, and the payout of approved claims. */
public class ExpensePlugin {
    private final DataSource db;
    private final PaymentsClient payments;

    public ExpensePlugin(DataSource db, PaymentsClient payments) {
        this.db = db;
        this.payments = payments;
    }

    // ok: blast-radius
    @DefineKernelFunction(name = "list_claims", description = "Lists an employee's expense claims with their status")
    public List<String> listClaims(
            @KernelFunctionParameter(name = "employee_id", description = "the employee's id") String employeeId) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement q = c.prepareStatement("select id, amount_cents, status from claims where employee_id = ?")) {
            q.setString(1, employeeId);
            ResultSet rs = q.executeQuery();
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1) + " " + euros(rs.getLong(2)) + " " + rs.getString(3));
            }
            return out;
        }
    }

    // expect: blast-radius expenses/pay_out_claim=privileged
    // expect: taint-path ExpenseAssistant:expenses/pay_out_claim
    @DefineKernelFunction(name = "pay_out_claim", description = "Pays an approved claim to the employee's bank account")
    public String payOutClaim(@KernelFunctionParameter(name = "claim_id", description = "the claim id") String claimId) {
        return payments.payout(claimId);
    }

    /** Formats cents as euros for the chat; a helper, not a kernel function. */
    static String euros(long cents) {
        return String.format("EUR %d.%02d", cents / 100, cents % 100);
    }
}
