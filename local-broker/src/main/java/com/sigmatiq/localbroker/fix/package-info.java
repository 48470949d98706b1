/**
 * The local broker's FIX 4.4 acceptor (QuickFIX/J): NewOrderSingle, OrderCancelRequest and OrderStatusRequest in;
 * ExecutionReports (new, fill, cancelled, rejected, status) and OrderCancelReject out. Any client SenderCompID logs
 * on; sequence numbers and sent messages are kept in the database.
 */
package com.sigmatiq.localbroker.fix;
