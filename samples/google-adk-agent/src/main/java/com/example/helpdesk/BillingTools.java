package com.example.helpdesk;

import com.google.adk.tools.Annotations.Schema;
import com.stripe.Stripe;
import com.stripe.exception.StripeException;
import com.stripe.model.Invoice;
import com.stripe.model.Refund;
import com.stripe.param.RefundCreateParams;
import java.util.Map;

/** Billing tools over Stripe; the secret key is handed in by whoever builds the agent. */
public final class BillingTools {

    public BillingTools(String stripeSecretKey) {
        Stripe.apiKey = stripeSecretKey;
    }

    @Schema(name = "get_invoice", description = "Returns the status, amount and customer of an invoice")
    public Map<String, Object> getInvoice(@Schema(name = "invoice_id", description = "Stripe invoice id, in_...") String invoiceId)
            throws StripeException {
        Invoice invoice = Invoice.retrieve(invoiceId);
        return Map.of("status", invoice.getStatus(), "amountDue", formatAmount(invoice.getAmountDue()),
                "customer", invoice.getCustomerEmail());
    }

    // expect: blast-radius BillingTools/refund_invoice=irreversible
    // expect: taint-path billing_agent:BillingTools/refund_invoice
    @Schema(name = "refund_invoice", description = "Refunds the payment of a disputed invoice in full")
    public Map<String, Object> refundInvoice(@Schema(name = "invoice_id", description = "Stripe invoice id, in_...") String invoiceId)
            throws StripeException {
        Invoice invoice = Invoice.retrieve(invoiceId);
        Refund refund = Refund.create(RefundCreateParams.builder().setPaymentIntent(invoice.getPaymentIntent()).build());
        return Map.of("refund", refund.getId(), "status", refund.getStatus());
    }

    /** Formats cents for people; a helper, not a tool. */
    public static String formatAmount(long cents) {
        return String.format("%d.%02d", cents / 100, cents % 100);
    }
}
