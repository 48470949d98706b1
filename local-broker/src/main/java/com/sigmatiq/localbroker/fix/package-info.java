/**
 * The local broker's FIX 4.4 acceptor (QuickFIX/J): NewOrderSingle, OrderCancelRequest, OrderStatusRequest,
 * OrderMassStatusRequest and RequestForPositions in; ExecutionReports (new, fill, cancelled, rejected, status),
 * OrderCancelReject, RequestForPositionsAck and PositionReports out. Any client SenderCompID logs on; sequence numbers
 * and sent messages are kept in the database.
 */
package com.sigmatiq.localbroker.fix;
