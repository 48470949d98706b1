/**
 * RFC 9457 problem details for every service: the base advice ({@link com.sigmatiq.kit.web.problem.ProblemDetailsAdvice})
 * with field errors ({@code errors: [{field, message, valid_choices?}]}), the exception services throw for a bad
 * request ({@link com.sigmatiq.kit.web.problem.InvalidRequestException}), the last resolver that answers anything
 * unexpected with a 500 problem, and problem answers from {@code /error} and from Tomcat itself.
 */
package com.sigmatiq.kit.web.problem;
