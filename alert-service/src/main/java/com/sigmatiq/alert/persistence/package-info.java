/** alert-service: persistence. */
package com.sigmatiq.alert.persistence;
