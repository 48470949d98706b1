/**
 * FIX 4.4 with QuickFIX/J: NewOrderSingle, ExecutionReport, OrderCancelRequest, OrderStatusRequest. Sequence numbers
 * live in the {@code pilot} schema (QuickFIX/J's JDBC store) so they survive restarts; message bodies are not kept, so
 * a lost order is answered with a gap fill, never re-sent behind our back, and no Logon password is stored.
 */
package com.sigmatiq.pilot.client.fix;
