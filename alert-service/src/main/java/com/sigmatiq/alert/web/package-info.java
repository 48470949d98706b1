/** alert-service: web. */
package com.sigmatiq.alert.web;
