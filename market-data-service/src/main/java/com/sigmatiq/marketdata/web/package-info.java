/** REST endpoints (imports, bars, calendar and gaps, replays) and RFC 9457 problem details. */
package com.sigmatiq.marketdata.web;
