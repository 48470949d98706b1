/** Test support: the repository's bundled packs, and a throw-away RSA key whose JWKS is served over HTTP. */
package com.sigmatiq.pack.support;
