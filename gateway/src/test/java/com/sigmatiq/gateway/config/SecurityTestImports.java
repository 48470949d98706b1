package com.sigmatiq.gateway.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Lets slice tests in other packages import the package-private security configuration. */
@Configuration(proxyBeanMethods = false)
@Import(SecurityConfiguration.class)
public class SecurityTestImports {
}
