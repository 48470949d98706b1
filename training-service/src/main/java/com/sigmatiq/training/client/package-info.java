/** HTTP clients of model-, pack-, market-data- and sweep-service, with the caller's bearer token. */
package com.sigmatiq.training.client;
