package com.sigmatiq.sim.client;

import com.sigmatiq.sim.domain.RuntimeSources;
import com.sigmatiq.clients.PlatformServices;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.Timeframe;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@link RuntimeSources} from the platform's services, read with this service's own token ({@link PlatformServices}). */
@Component
class HttpRuntimeSources implements RuntimeSources {

    private final PlatformServices services;

    HttpRuntimeSources(PlatformServices services) {
        this.services = services;
    }

    @Override
    public Map<String, String> packFiles(String packId, String version) {
        return services.packFiles(packId, version);
    }

    @Override
    public TrainedArtifacts trainedModel(String ownerId, String trainedModelId) {
        PlatformServices.TrainedArtifacts a = services.trainedModel(ownerId, trainedModelId);
        return new TrainedArtifacts(a.files(), a.sharpeBacktest());
    }

    @Override
    public BarSeries bars(String ticker, Timeframe tf, LocalDate from, LocalDate to) {
        return services.bars(ticker, tf, from, to);
    }

    @Override
    public LocalDate firstSession(String ticker, Timeframe tf) {
        return services.firstSession(ticker);
    }

    @Override
    public AlertProgress alertProgress(String publishedId, java.time.Instant through) {
        PlatformServices.AlertProgress p = services.alertProgress(publishedId, through);
        return new AlertProgress(p.decidedFrom(), p.evaluatedThrough(), p.alertIds());
    }
}
