/**
 * alert-service's tables (schema {@code alert}): delivery rows claimed with {@code for update skip locked} and a
 * lease ({@link com.sigmatiq.alert.persistence.JdbcDeliveryRepository}), users' destinations with sealed webhook
 * secrets ({@link com.sigmatiq.alert.persistence.JdbcDestinationRepository}).
 */
package com.sigmatiq.alert.persistence;
