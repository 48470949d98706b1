/** alert-service: messaging. */
package com.sigmatiq.alert.messaging;
