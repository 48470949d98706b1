/**
 * Test helpers the services reuse through the kit's test jar ({@code service-kit:tests}): a deterministic request
 * fuzzer over seed requests, the problem-document check, and the run that asserts no 5xx, problem documents for
 * every 4xx and nothing stored for a refused request, and the services' layer rules ({@code ServiceLayering}).
 */
package com.sigmatiq.kit.web.testing;
