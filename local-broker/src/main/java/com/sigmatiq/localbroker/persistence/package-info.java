/** The local broker's orders in PostgreSQL (schema {@code localbroker}). */
package com.sigmatiq.localbroker.persistence;
