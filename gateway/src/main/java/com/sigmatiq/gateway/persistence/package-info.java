/**
 * JDBC access to schema {@code identity} (users, signing keys) and the encryption of the private
 * signing key at rest.
 */
package com.sigmatiq.gateway.persistence;
