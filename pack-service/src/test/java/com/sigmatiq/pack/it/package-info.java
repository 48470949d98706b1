/** pack-service on the real embedded PostgreSQL (and Kafka) of testinfra, with real RS256 tokens. */
package com.sigmatiq.pack.it;
