/** The REST API under {@code /pilot}: live accounts, their limits and kill switches, and the global kill switch. */
package com.sigmatiq.pilot.web;
