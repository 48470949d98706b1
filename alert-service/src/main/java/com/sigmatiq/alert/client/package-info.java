/** alert-service: client. */
package com.sigmatiq.alert.client;
