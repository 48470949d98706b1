/**
 * The reliability and security suite (issue 17: hostile input, strangers): the platform as local mode runs it, probed
 * only through the gateway. {@code docs/reliability.md} says what runs in the normal build and what on demand.
 */
package com.sigmatiq.reliability;
