/** The kit's web plumbing. */
package com.sigmatiq.kit.web;
