/** PostgreSQL (schema {@code training}): inputs, jobs, results and artifacts, through {@code JdbcClient}. */
package com.sigmatiq.training.persistence;
