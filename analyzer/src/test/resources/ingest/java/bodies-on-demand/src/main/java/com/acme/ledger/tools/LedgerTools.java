package com.acme.ledger.tools;

import com.acme.ledger.service.LedgerService;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;

/** Tools over the ledger: one writes through a client configured after construction. */
public class LedgerTools {
    private final LedgerService ledger;

    public LedgerTools(LedgerService ledger) {
        this.ledger = ledger;
    }

    @Tool("Refunds a payment")
    public String refund(@P("payment id") String paymentId) {
        return ledger.refund(paymentId);
    }

    @Tool("Shows a payment")
    public String payment(@P("payment id") String paymentId) {
        return ledger.describe(paymentId);
    }
}
