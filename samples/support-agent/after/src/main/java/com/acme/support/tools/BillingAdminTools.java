package com.acme.support.tools;

import com.acme.support.billing.AdjustmentReceipt;
import com.acme.support.billing.BillingAdminClient;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import org.springframework.stereotype.Component;

@Component
public class BillingAdminTools {
    private final BillingAdminClient billing;

    public BillingAdminTools(BillingAdminClient billing) {
        this.billing = billing;
    }

    // expect: blast-radius BillingAdminTools/adjustBilling=privileged
    // expect: taint-path SupportAgent:BillingAdminTools/adjustBilling
    // (one finding, naming both sources that reach SupportAgent: the support-ticket entry point and getTicket)
    @Tool("Corrects a customer's billing record: credits or debits the account by the given amount")
    public String adjustBilling(@P("the customer's billing account id") String accountId,
                                @P("the amount in cents; negative to credit the customer") long amountCents,
                                @P("why the adjustment is made, shown on the invoice") String reason) {
        AdjustmentReceipt receipt = billing.adjust(accountId, amountCents, reason);
        return "Adjustment " + receipt.adjustmentId() + " applied; new balance " + receipt.newBalanceCents() + " cents";
    }
}
