/**
 * pack-service: stores every version of every strategy pack (schema {@code pack}), loads the bundled
 * {@code packs/} folder at start and accepts uploads validated by the engine's {@code PackLoader}.
 * Packs are a shared catalogue: every authenticated user reads them; uploads record who sent them.
 */
package com.sigmatiq.pack;
