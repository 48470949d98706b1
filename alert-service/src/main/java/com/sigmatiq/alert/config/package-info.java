/** alert-service: config. */
package com.sigmatiq.alert.config;
