/** JDBC access to the {@code model} schema ({@code JdbcClient}, no JPA). */
package com.sigmatiq.model.persistence;
