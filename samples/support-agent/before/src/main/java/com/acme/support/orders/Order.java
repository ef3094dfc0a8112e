package com.acme.support.orders;

import java.math.BigDecimal;
import java.time.LocalDate;

public record Order(String number, LocalDate placedOn, String status, BigDecimal total) {

    public String summary() {
        return number + " (" + placedOn + "): " + status + ", " + total + " EUR";
    }
}
