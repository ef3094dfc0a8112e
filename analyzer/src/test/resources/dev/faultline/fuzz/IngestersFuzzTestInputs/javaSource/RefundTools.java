package com.acme.desk;

import com.acme.desk.payments.PaymentGateway;
import com.acme.desk.util.AuditLog;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;

public class RefundTools {
    private final PaymentGateway payments;

    public RefundTools(PaymentGateway payments) {
        this.payments = payments;
    }

    @Tool(name = "refund_order", value = {"Refunds an order in full.", "Use only after checking the order."})
    public String refund(@P("order id") String orderId, @P("reason shown to the customer") String reason) {
        String refundId = payments.refund(orderId);
        AuditLog.record("refund " + orderId + ": " + reason);
        return formatConfirmation(refundId);
    }

    public String formatConfirmation(String refundId) {
        return "Refund " + refundId + " issued";
    }
}
