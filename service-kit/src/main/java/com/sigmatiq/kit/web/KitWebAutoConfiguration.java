package com.sigmatiq.kit.web;

import com.sigmatiq.kit.identity.ServiceTokens;
import com.sigmatiq.kit.web.json.StrictJsonModule;
import com.sigmatiq.kit.web.openapi.OpenApiConfiguration;
import com.sigmatiq.kit.web.problem.ProblemDetailsAdvice;
import com.sigmatiq.kit.web.problem.ProblemErrorController;
import com.sigmatiq.kit.web.problem.ProblemErrorReportValve;
import com.sigmatiq.kit.web.problem.UnexpectedErrorResolver;
import com.sigmatiq.kit.web.security.CurrentUserArgumentResolver;
import com.sigmatiq.kit.web.security.ResourceServerConfiguration;
import com.fasterxml.jackson.annotation.Nulls;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.PropertyNamingStrategy;
import tools.jackson.databind.json.JsonMapper;

/**
 * The kit's web plumbing, on for every service that depends on {@code service-kit}:
 * <ul>
 *   <li>a UTC {@link Clock} (a test or service may declare its own);</li>
 *   <li>resource-server security with problem-detail 401/403 and roles ({@link ResourceServerConfiguration});</li>
 *   <li>problem details: the base advice, the last resolver (500 without a trace), {@code /error} and Tomcat's own
 *       error page as problems;</li>
 *   <li>strict request bodies: a NUL character in any string or {@code null} inside a list or map is a 400 naming the
 *       JSON path; a NUL in a query parameter, form field or path variable too;</li>
 *   <li>{@code CurrentUser} controller parameters;</li>
 *   <li>the OpenAPI frame where springdoc is present.</li>
 * </ul>
 * Ordered before Boot's security, resource-server, MVC and error auto-configurations so that their defaults step
 * aside.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        beforeName = {
                "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
                "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
                "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
                "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration"})
public class KitWebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The service's own token from the gateway, where a service secret is configured
     * ({@code sigmatiq.identity.service-secret}; {@code sigmatiq.identity.token-uri}, default the local gateway).
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnExpression("!'${sigmatiq.identity.service-secret:}'.isBlank()")
    ServiceTokens serviceTokens(Environment env, JsonMapper json, Clock clock) {
        return new ServiceTokens(URI.create(env.getProperty("sigmatiq.identity.token-uri",
                "http://localhost:8080/api/auth/service-token")), env.getRequiredProperty("spring.application.name"),
                env.getRequiredProperty("sigmatiq.identity.service-secret"), json, clock);
    }

    /** The servlet parts. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @Import(ResourceServerConfiguration.class)
    static class Servlet {

        @Bean
        @ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
        ProblemDetailsAdvice problemDetailsAdvice(JsonMapper json) {
            return new ProblemDetailsAdvice(jsonNames(json));
        }

        @Bean
        @ConditionalOnMissingBean(ErrorController.class)
        ProblemErrorController problemErrorController() {
            return new ProblemErrorController();
        }

        /** Unusable Content-Type headers refused with a 415 problem ({@link ContentTypeFilter}), first of all filters. */
        @Bean
        FilterRegistrationBean<ContentTypeFilter> kitContentTypeFilter(JsonMapper json) {
            FilterRegistrationBean<ContentTypeFilter> registration = new FilterRegistrationBean<>(new ContentTypeFilter(json));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            registration.addUrlPatterns("/*");
            return registration;
        }

        @Bean
        WebMvcConfigurer kitWebMvcConfigurer(JsonMapper json) {
            return new WebMvcConfigurer() {
                @Override
                public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                    resolvers.add(new CurrentUserArgumentResolver());
                }

                @Override
                public void addInterceptors(InterceptorRegistry registry) {
                    registry.addInterceptor(new NulParameterInterceptor());
                }

                @Override
                public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
                    resolvers.add(new UnexpectedErrorResolver(json));
                }
            };
        }

        /**
         * Request bodies are read by a stricter copy of the application's {@link JsonMapper}: NUL characters and
         * {@code null} inside lists and maps are refused. Runs after Boot's converter customizer and replaces its
         * JSON converter on the server side only.
         */
        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE)
        ServerHttpMessageConvertersCustomizer strictJsonRequestBodies(JsonMapper json) {
            JsonMapper strict = strict(json);
            return builder -> builder.withJsonConverter(new JacksonJsonHttpMessageConverter(strict));
        }

        @Bean
        @ConditionalOnClass(name = "org.apache.catalina.valves.ErrorReportValve")
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }
    }

    /** The OpenAPI frame, where springdoc is on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.swagger.v3.oas.models.OpenAPI")
    @Import(OpenApiConfiguration.class)
    static class OpenApi {
    }

    /** The application's mapper, refusing NUL characters and {@code null} inside lists and maps. */
    static JsonMapper strict(JsonMapper json) {
        return json.rebuild()
                .addModule(new StrictJsonModule())
                .changeDefaultNullHandling(n -> n.withContentNulls(Nulls.FAIL))
                .build();
    }

    /** Java property name to JSON name under the application's naming strategy. */
    static UnaryOperator<String> jsonNames(JsonMapper json) {
        PropertyNamingStrategy naming = json.deserializationConfig().getPropertyNamingStrategy();
        if (naming == null) {
            return UnaryOperator.identity();
        }
        return name -> naming.nameForField(json.deserializationConfig(), null, name);
    }
}
