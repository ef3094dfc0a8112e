package com.acme.support.orders;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class OrderRepository {
    private final JdbcTemplate jdbc;

    public OrderRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Order> findRecentByCustomer(String email, int limit) {
        return jdbc.query("""
                SELECT o.number, o.placed_on, o.status, o.total
                  FROM orders o JOIN customers c ON c.id = o.customer_id
                 WHERE c.email = ?
                 ORDER BY o.placed_on DESC
                 LIMIT ?""",
                (rs, row) -> new Order(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3), rs.getBigDecimal(4)),
                email, limit);
    }
}
