package com.sigmatiq.model.config;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.yaml.JacksonYamlHttpMessageConverter;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Answers {@code Accept: application/yaml} with Jackson YAML, laid out like the seed's files: no document
 * marker, list items indented under their key, strings quoted. Set as the server's YAML converter (not as a
 * converter bean, which would be put ahead of JSON and win for {@code Accept: *}{@code /*}).
 */
@Configuration(proxyBeanMethods = false)
public class YamlConfiguration {

    @Bean
    ServerHttpMessageConvertersCustomizer yamlConverterCustomizer() {
        YAMLMapper mapper = YAMLMapper.builder()
                .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
                .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
                .build();
        return builder -> builder.withYamlConverter(new JacksonYamlHttpMessageConverter(mapper));
    }
}
