/** Bean Validation constraints for request records: {@link com.sigmatiq.kit.web.validation.SafeId} for ids passed on to other services. */
package com.sigmatiq.kit.web.validation;
