/**
 * The local broker: a FIX 4.4 acceptor ({@code fix}) in front of a small exchange ({@code domain}) that fills orders
 * against the closed bars of the feeds ({@code messaging}), its orders and FIX session state in schema
 * {@code localbroker} ({@code persistence}). Local mode starts it so that live trading runs on one machine.
 */
package com.sigmatiq.localbroker;
