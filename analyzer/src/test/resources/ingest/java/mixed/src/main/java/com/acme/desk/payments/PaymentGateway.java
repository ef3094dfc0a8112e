package com.acme.desk.payments;

import com.stripe.Stripe;
import com.stripe.exception.StripeException;
import com.stripe.model.Refund;
import com.stripe.param.RefundCreateParams;
import org.springframework.beans.factory.annotation.Value;

public class PaymentGateway {
    @Value("${stripe.secret-key}")
    private String secretKey;

    @Value("${stripe.currency:eur}")
    private String currency;

    public String refund(String paymentIntentId) {
        Stripe.apiKey = secretKey;
        try {
            Refund refund = Refund.create(RefundCreateParams.builder().setPaymentIntent(paymentIntentId).build());
            return refund.getId();
        } catch (StripeException e) {
            throw new IllegalStateException(e);
        }
    }
}
