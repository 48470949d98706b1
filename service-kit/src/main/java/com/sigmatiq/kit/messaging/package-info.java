/** The kit's messaging plumbing. */
package com.sigmatiq.kit.messaging;
