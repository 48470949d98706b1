/**
 * Alpaca Trading API v2 over HTTPS/JSON: {@code POST /v2/orders} with {@code client_order_id},
 * {@code GET /v2/orders:by_client_order_id}, {@code DELETE /v2/orders/{id}}, {@code GET /v2/positions}; the paper or
 * live base URL from the account's connection. Order updates are polled.
 */
package com.sigmatiq.pilot.client.alpaca;
