package com.acme.support.billing;

public record AdjustmentReceipt(String adjustmentId, String accountId, long newBalanceCents) {
}
