/**
 * Interactive Brokers Client Portal Web API: orders with our client order id ({@code cOID}), reply confirmations,
 * live orders (matched by {@code order_ref}), positions, and the session kept alive with {@code /tickle}.
 */
package com.sigmatiq.pilot.client.ib;
