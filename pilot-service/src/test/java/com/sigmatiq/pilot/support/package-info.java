/** Test counterparts that play a broker over its real protocol. */
package com.sigmatiq.pilot.support;
