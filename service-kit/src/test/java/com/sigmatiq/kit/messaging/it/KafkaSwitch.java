package com.sigmatiq.kit.messaging.it;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ProducerPostProcessor;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Breaks the application's Kafka producer (the one the outbox sends with) on demand: {@code DOWN} fails every send at
 * once, {@code HANG} accepts sends that never complete (as when the process dies before the broker answers). Starts in
 * the mode of property {@code kit-test.kafka} (default {@code up}).
 */
public class KafkaSwitch {

    public enum Mode { UP, DOWN, HANG }

    private volatile Mode mode;
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger held = new AtomicInteger();

    KafkaSwitch(Mode mode) {
        this.mode = mode;
    }

    public void set(Mode mode) {
        this.mode = mode;
    }

    /** Sends failed while {@code DOWN}. */
    public int refused() {
        return refused.get();
    }

    /** Sends swallowed while {@code HANG}. */
    public int held() {
        return held.get();
    }

    @SuppressWarnings("unchecked")
    <K, V> Producer<K, V> wrap(Producer<K, V> real) {
        return (Producer<K, V>) Proxy.newProxyInstance(Producer.class.getClassLoader(), new Class<?>[] {Producer.class},
                (proxy, method, args) -> {
                    Mode now = mode;
                    if (method.getName().equals("send") && now != Mode.UP) {
                        if (now == Mode.HANG) {
                            held.incrementAndGet();
                            return new CompletableFuture<RecordMetadata>();
                        }
                        refused.incrementAndGet();
                        KafkaException refusal = new KafkaException("test: the broker refuses every send");
                        if (args.length > 1 && args[1] instanceof Callback callback) {
                            callback.onCompletion(null, refusal);
                        }
                        return CompletableFuture.failedFuture(refusal);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class Wiring {

        @Bean
        KafkaSwitch kafkaSwitch(@Value("${kit-test.kafka:up}") String mode) {
            return new KafkaSwitch(Mode.valueOf(mode.toUpperCase(java.util.Locale.ROOT)));
        }

        @Bean
        @SuppressWarnings({"unchecked", "rawtypes"})
        DefaultKafkaProducerFactoryCustomizer kafkaSwitchCustomizer(KafkaSwitch kafkaSwitch) {
            return factory -> factory.addPostProcessor((ProducerPostProcessor) producer -> kafkaSwitch.wrap((Producer) producer));
        }
    }
}
