/**
 * JDBC access to the {@code model} schema ({@code JdbcClient}, no JPA): {@code models}, {@code publications} and
 * {@code publication_status_history}.
 */
package com.sigmatiq.model.persistence;
