/**
 * The {@code ./sigmatiq} command line (picocli): the engine on local CSV files, without a server.
 * Errors a user can act on are printed as one line and exit with status 2.
 */
package com.sigmatiq.cli;
