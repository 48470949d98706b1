/** Server-sent progress streams of long-running work, polled from the service's store. */
package com.sigmatiq.kit.web.sse;
