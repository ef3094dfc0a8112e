package com.example.helpdesk;

import com.google.adk.agents.BaseAgent;
import com.google.adk.agents.LlmAgent;
import com.google.adk.tools.FunctionTool;

/** The helpdesk agents: a coordinator and the two specialists it transfers to. */
public final class HelpdeskAgents {
    private static final String MODEL = "gemini-2.0-flash";

    private HelpdeskAgents() {
    }

    public static BaseAgent root() {
        return LlmAgent.builder()
                .name("helpdesk_coordinator")
                .model(MODEL)
                .description("Front door of the internal helpdesk")
                .instruction("""
                        You are the first responder of the helpdesk. Work out whether a request is about
                        accounts and devices (transfer to it_agent) or about invoices (transfer to billing_agent).
                        Never promise a refund yourself.
                        """)
                .subAgents(itAgent(), billingAgent())
                .build();
    }

    static LlmAgent itAgent() {
        return LlmAgent.builder()
                .name("it_agent")
                .model(MODEL)
                .description("Resets passwords and looks up laptops")
                .instruction("Help employees with their accounts and devices. Confirm the employee id before a reset.")
                .tools(
                        FunctionTool.create(ItTools.class, "resetPassword"),
                        FunctionTool.create(ItTools.class, "lookupDevice"))
                .build();
    }

    static LlmAgent billingAgent() {
        // the same secret key answers invoice questions and issues refunds
        // expect: shared-credential STRIPE_SECRET_KEY
        BillingTools billing = new BillingTools(System.getenv("STRIPE_SECRET_KEY"));
        return LlmAgent.builder()
                .name("billing_agent")
                .model(MODEL)
                .description("Answers invoice questions and issues refunds")
                .instruction("Answer questions about customer invoices. Refund only invoices the customer disputes.")
                .tools(FunctionTool.create(billing, "getInvoice"), FunctionTool.create(billing, "refundInvoice"))
                .build();
    }
}
