package com.sigmatiq.alert.web;

import com.sigmatiq.alert.domain.Alert;
import com.sigmatiq.alert.domain.Evaluation;
import com.sigmatiq.alert.domain.Publication;
import com.sigmatiq.alert.domain.RoutingView;
import java.time.Instant;
import java.util.List;

/** The API's answers as records (snake_case on the wire). */
final class AlertViews {

    private AlertViews() {
    }

    /** The seed's 7.2 alert with its routing. */
    record AlertView(String alertId, Instant timestamp, String modelId, String userId, Alert.Signal signal,
                     Alert.OrderDetails orderDetails, Alert.Metadata metadata, RoutingView routing) {

        static AlertView of(Alert a, RoutingView routing) {
            return new AlertView(a.alertId(), a.timestamp(), a.modelId(), a.userId(), a.signal(), a.orderDetails(),
                    a.metadata(), routing);
        }
    }

    record AlertPage(List<AlertView> alerts, int page, int size, long total) {
    }

    /** The seed's 7.1 evaluation with the model it belongs to. */
    record EvaluationView(String modelId, Evaluation evaluation) {
    }

    record EvaluationPage(String modelId, List<Evaluation> evaluations, int page, int size, long total) {
    }

    /** A published model as alert-service follows it. */
    record FollowedModel(String id, String modelId, String trainedModelId, String name, String ticker, String timeframe,
                         String feed, String status, int maxAlertsPerDay, double paperEquity) {

        static FollowedModel of(Publication p) {
            return new FollowedModel(p.id(), p.modelId(), p.trainedModelId(), p.name(), p.ticker(), p.timeframe(), p.feed(),
                    p.status(), p.maxAlertsPerDay(), p.paperEquity());
        }
    }

    record FollowedModels(List<FollowedModel> publishedModels) {
    }
}
