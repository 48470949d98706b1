package com.sigmatiq.model.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.yaml.JacksonYamlHttpMessageConverter;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Answers {@code Accept: application/yaml} with Jackson YAML, laid out like the seed's files: no document
 * marker, list items indented under their key, strings quoted.
 */
@Configuration(proxyBeanMethods = false)
class YamlConfiguration {

    @Bean
    JacksonYamlHttpMessageConverter yamlHttpMessageConverter() {
        YAMLMapper mapper = YAMLMapper.builder()
                .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
                .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
                .build();
        return new JacksonYamlHttpMessageConverter(mapper);
    }
}
