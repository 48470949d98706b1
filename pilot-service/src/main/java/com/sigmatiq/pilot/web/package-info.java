/**
 * The REST API under {@code /pilot}: live accounts, limits and kill switches, approvals, orders in seed 8.2's shape,
 * refusals, reconciliation reports and server-sent events.
 */
package com.sigmatiq.pilot.web;
