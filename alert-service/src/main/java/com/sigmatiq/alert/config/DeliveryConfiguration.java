package com.sigmatiq.alert.config;

import com.sigmatiq.alert.client.MailAlertSender;
import com.sigmatiq.alert.client.WebhookAlertSender;
import com.sigmatiq.alert.domain.Delivery;
import com.sigmatiq.alert.domain.DeliveryDispatcher;
import com.sigmatiq.alert.domain.DeliveryProperties;
import com.sigmatiq.alert.domain.DeliveryRepository;
import com.sigmatiq.alert.domain.DeliverySender;
import com.sigmatiq.alert.domain.RetryPolicy;
import com.sigmatiq.alert.domain.SecretSealer;
import com.sigmatiq.alert.domain.WebhookTargets;
import com.sigmatiq.alert.messaging.AlertTopics;
import com.sigmatiq.alert.messaging.KafkaAlertSender;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import tools.jackson.databind.json.JsonMapper;

/** Delivery: the secret sealer, the alert topics, one sender per destination and the dispatcher that drives them. */
@Configuration(proxyBeanMethods = false)
public class DeliveryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DeliveryConfiguration.class);

    @Bean
    SecretSealer secretSealer(DeliveryProperties p, Environment environment) {
        if (p.usesDevSecretKey()) {
            if (environment.acceptsProfiles(Profiles.of("prod"))) {
                throw new IllegalStateException("sigmatiq.alert.secret-key is the development default;"
                        + " set SIGMATIQ_ALERT_SECRET_KEY for profile 'prod'");
            }
            log.warn("sigmatiq.alert.secret-key is the DEVELOPMENT DEFAULT: users' webhook secrets are encrypted with a"
                    + " publicly known key. Set SIGMATIQ_ALERT_SECRET_KEY for any shared deployment.");
        }
        return new SecretSealer(p.secretKey());
    }

    @Bean
    WebhookTargets webhookTargets(DeliveryProperties p, Environment environment) {
        if (p.push().allowPrivateTargets()) {
            if (environment.acceptsProfiles(Profiles.of("prod"))) {
                throw new IllegalStateException("sigmatiq.alert.push.allow-private-targets is true; set"
                        + " SIGMATIQ_ALERT_PUSH_ALLOWPRIVATETARGETS=false for profile 'prod'");
            }
            log.warn("sigmatiq.alert.push.allow-private-targets is true: users' webhooks may reach loopback and private"
                    + " addresses (a developer machine). Set SIGMATIQ_ALERT_PUSH_ALLOWPRIVATETARGETS=false for any shared deployment.");
        }
        return new WebhookTargets(p.push().allowPrivateTargets());
    }

    @Bean
    NewTopic alertsPaperTopic() {
        return TopicBuilder.name(AlertTopics.PAPER).partitions(3).replicas(1).build();
    }

    @Bean
    NewTopic alertsLiveTopic() {
        return TopicBuilder.name(AlertTopics.LIVE).partitions(3).replicas(1).build();
    }

    @Bean
    DeliverySender sigmaSimSender(KafkaTemplate<String, String> kafka, DeliveryProperties p) {
        return new KafkaAlertSender(Delivery.SIGMA_SIM, AlertTopics.PAPER, kafka, p.kafka().sendTimeout());
    }

    @Bean
    DeliverySender sigmaPilotSender(KafkaTemplate<String, String> kafka, DeliveryProperties p) {
        return new KafkaAlertSender(Delivery.SIGMA_PILOT, AlertTopics.LIVE, kafka, p.kafka().sendTimeout());
    }

    /** E-mail over SMTP when {@code spring.mail.host} is set; else logged (local mode). */
    @Bean
    DeliverySender userEmailSender(ObjectProvider<JavaMailSender> mail, @Value("${spring.mail.host:}") String host,
                                   DeliveryProperties p, JsonMapper json) {
        if (host.isBlank()) {
            log.info("spring.mail.host is empty: alert e-mails are written to the log, not sent");
            return new MailAlertSender(null, p.mail().from(), json);
        }
        return new MailAlertSender(mail.getObject(), p.mail().from(), json);
    }

    @Bean
    DeliverySender mobilePushSender(DeliveryProperties p, SecretSealer sealer, WebhookTargets targets, Clock clock) {
        return new WebhookAlertSender(p.push().connectTimeout(), p.push().requestTimeout(), sealer, targets, clock);
    }

    @Bean
    RetryPolicy deliveryRetryPolicy(DeliveryProperties p) {
        return new RetryPolicy(p.dispatch().backoffBase(), p.dispatch().backoffCap(), p.dispatch().jitter());
    }

    @Bean
    DeliveryDispatcher deliveryDispatcher(DeliveryRepository repository, List<DeliverySender> senders, RetryPolicy retry,
                                          DeliveryProperties p, Clock clock) {
        if (p.dispatch().lease().compareTo(p.push().connectTimeout().plus(p.push().requestTimeout())) <= 0
                || p.dispatch().lease().compareTo(p.kafka().sendTimeout()) <= 0) {
            throw new IllegalStateException("sigmatiq.alert.dispatch.lease must exceed every sender's timeout"
                    + " (push connect + request timeouts, kafka send timeout)");
        }
        return new DeliveryDispatcher(repository, senders, retry, p.dispatch(), clock);
    }
}
