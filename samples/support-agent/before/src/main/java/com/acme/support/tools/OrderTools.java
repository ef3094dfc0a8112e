package com.acme.support.tools;

import com.acme.support.orders.Order;
import com.acme.support.orders.OrderRepository;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

@Component
public class OrderTools {
    private final OrderRepository orders;

    public OrderTools(OrderRepository orders) {
        this.orders = orders;
    }

    @Tool("Looks up the most recent orders of a customer by email address")
    public String findOrders(@P("the customer's email address") String customerEmail) {
        List<Order> recent = orders.findRecentByCustomer(customerEmail, 10);
        if (recent.isEmpty()) {
            return "No orders found for " + customerEmail;
        }
        return recent.stream().map(Order::summary).collect(Collectors.joining("\n"));
    }
}
