/**
 * pilot-service (DESIGN §7 "Live trading", seed steps 8.1–8.2): live broker accounts with hard limits and kill
 * switches, credentials sealed at rest, and the broker adapters that turn alerts of live published models into orders
 * at most once. Layers: {@code web} → {@code domain} ← {@code persistence}, {@code messaging}, {@code client}.
 */
package com.sigmatiq.pilot;
