/** JDBC access to schema marketdata: bars (COPY in, COPY out), import runs, replays. */
package com.sigmatiq.marketdata.persistence;
