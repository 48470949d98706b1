/** HTTP API: controllers, answers as records, problem details and progress streams. */
package com.sigmatiq.sweep.web;
