/**
 * JDBC storage of packs and pack versions in schema {@code pack} ({@code JdbcClient}, no JPA); files
 * and metadata are JSONB. Implements {@link com.sigmatiq.pack.domain.PackVersionStore}.
 */
package com.sigmatiq.pack.persistence;
