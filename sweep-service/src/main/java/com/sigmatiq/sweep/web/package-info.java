/** HTTP API (controllers, views, problem details) and HTTP clients of model-, pack- and market-data-service. */
package com.sigmatiq.sweep.web;
