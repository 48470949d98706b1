/**
 * alert-service (DESIGN §7 "Alerts", seed steps 7.1–7.2): one engine evaluator per published model, fed its ticker's
 * closed bars, whose entries need the trained model's calibrated probability; evaluations and BUY/SELL alerts with
 * order details, stored with one delivery row per destination and dispatched from those rows. Layers: {@code web} →
 * {@code domain} ← {@code persistence}, {@code messaging}, {@code client}; {@code config} wires them.
 */
package com.sigmatiq.alert;
