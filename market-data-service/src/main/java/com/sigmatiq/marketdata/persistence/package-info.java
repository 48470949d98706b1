/** JDBC implementations of the domain's stores in schema marketdata: bars (COPY in, COPY out), import runs, replays. */
package com.sigmatiq.marketdata.persistence;
