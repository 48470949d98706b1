/** Training events: payload records of {@code training.events}. */
package com.sigmatiq.contracts.training;
