package com.sigmatiq.sweep.domain;

import com.sigmatiq.engine.data.BarFileException;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.pack.PackValidationException;
import com.sigmatiq.engine.run.StrategyBacktest;
import com.sigmatiq.engine.strategy.StrategyConfig;
import com.sigmatiq.engine.sweep.SweepGrid;
import com.sigmatiq.kit.web.problem.FieldError;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The API's use cases: create, read, rank, detail and cancel a user's sweeps. */
@Service
public class SweepService {

    private static final Logger log = LoggerFactory.getLogger(SweepService.class);
    private static final Set<String> SWEEP_TYPES = Set.of("simple", "custom");

    private final ModelSource models;
    private final BarSource barSource;
    private final SweepRepository repository;
    private final SweepWorkCache cache;
    private final SweepCoordinator coordinator;
    private final SweepProperties properties;
    private final Clock clock;

    public SweepService(ModelSource models, BarSource barSource, SweepRepository repository, SweepWorkCache cache,
                        SweepCoordinator coordinator, SweepProperties properties, Clock clock) {
        this.models = models;
        this.barSource = barSource;
        this.repository = repository;
        this.cache = cache;
        this.coordinator = coordinator;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new sweep: validated, persisted with every combination, then published to the workers. */
    public SweepState create(String ownerId, String bearerToken, CreateSweepCommand cmd) {
        Instant t0 = clock.instant();
        List<FieldError> errors = new ArrayList<>();
        if (blank(cmd.modelId())) {
            errors.add(FieldError.of("model_id", "model_id is required"));
        }
        if (cmd.sweepType() != null && !SWEEP_TYPES.contains(cmd.sweepType())) {
            errors.add(new FieldError("sweep_type", "unknown sweep_type '" + cmd.sweepType() + "'", List.of("simple", "custom")));
        }
        LocalDate start = date(cmd.start(), "date_range.start", errors);
        LocalDate end = date(cmd.end(), "date_range.end", errors);
        if (start != null && end != null && end.isBefore(start)) {
            errors.add(FieldError.of("date_range.end", "date_range.end " + end + " is before date_range.start " + start));
        }
        Map<String, List<Object>> parameters = parameters(cmd.parameters(), errors);
        Map<String, Double> gates = gates(cmd.qualityGates(), errors);
        if (cmd.holdoutPct() != null && !(cmd.holdoutPct() > 0 && cmd.holdoutPct() < 100)) {
            errors.add(FieldError.of("holdout_pct", "holdout_pct must be above 0 and below 100 (percent of the sessions)"));
        }
        if (cmd.tag() != null && cmd.tag().length() > 200) {
            errors.add(FieldError.of("tag", "tag is at most 200 characters"));
        }
        if (!errors.isEmpty()) {
            throw new SweepValidationException(errors);
        }

        ModelSource.ModelInfo model = models.model(cmd.modelId(), bearerToken).orElseThrow(() -> new SweepValidationException(
                FieldError.of("model_id", "you have no model '" + cmd.modelId() + "'")));
        Timeframe tf = Timeframe.parse(model.timeframe());
        Map<String, String> packFiles = models.packFiles(model.packId(), model.packVersion(), bearerToken);
        Pack pack;
        try {
            pack = cache.pack(packFiles);
        } catch (PackValidationException e) {
            throw new UpstreamUnavailableException("pack " + model.packId() + " " + model.packVersion() + " does not load", e);
        }
        StrategyConfig base = SweepWork.base(pack, model.strategyId(), model.parameterOverrides());
        SweepGrid grid = SweepWork.grid(base, parameters);
        if (grid.size() > properties.maxCombinations()) {
            throw new SweepValidationException(FieldError.of("parameters", "the grid has " + grid.size()
                    + " combinations; at most " + properties.maxCombinations() + " are allowed"));
        }
        SweepWork.checkGates(pack, gates);

        BarSource.Coverage coverage = barSource.coverage(model.ticker(), tf, bearerToken).orElseThrow(() ->
                new SweepValidationException(FieldError.of("date_range", "there are no " + tf.label() + " bars of "
                        + model.ticker() + " (the model's ticker)")));
        String covers = "; the data of " + model.ticker() + " covers " + coverage.first() + " to " + coverage.last();
        if (start.isBefore(coverage.first())) {
            errors.add(FieldError.of("date_range.start", "date_range.start " + start + " is before the first bar" + covers));
        }
        if (end.isAfter(coverage.last())) {
            errors.add(FieldError.of("date_range.end", "date_range.end " + end + " is after the last bar" + covers));
        }
        if (!errors.isEmpty()) {
            throw new SweepValidationException(errors);
        }
        // indicators warm up on all the history before the range (DESIGN §4), as the command line does
        byte[] csv = barSource.csv(model.ticker(), tf, coverage.first(), end, bearerToken);
        BarSeries bars;
        try {
            bars = SweepWork.bars(csv, model.ticker(), tf);
        } catch (BarFileException e) {
            throw new SweepValidationException(FieldError.of("date_range", "no usable bars of " + model.ticker()
                    + " in the date range: " + e.getMessage()));
        }
        SweepWork work = SweepWork.of(grid, bars, start, end, cmd.holdoutPct(), gates);
        Instant loaded = clock.instant();

        UUID id = UUID.randomUUID();
        long total = grid.size();
        long units = work.inSample().units();
        long[] comboUnits = new long[(int) total];
        for (long u = 0; u < units; u++) {
            for (long c : work.inSample().comboIds(u)) {
                comboUnits[(int) c - 1] = u;
            }
        }
        String[] hashes = new String[(int) total];
        IntStream.range(0, (int) total).parallel().forEach(i -> hashes[i] = SweepGrid.configHash(grid.config(i + 1)));
        SweepSpec spec = new SweepSpec(id, ownerId, model.id(), cmd.sweepType() == null ? "custom" : cmd.sweepType(), cmd.tag(),
                model.packId(), model.packVersion(), model.strategyId(), model.ticker(), tf.label(),
                new LinkedHashMap<>(model.parameterOverrides()), parameters, gates, start, end, cmd.holdoutPct(), total,
                units, work.inSample().unitSize());
        Instant now = clock.instant();
        repository.create(spec, new SweepInputs(packFiles, csv), comboUnits, hashes, now);
        LocalDate[] d = work.dates();
        repository.log(id, t0, "started", "Loading data matrix: " + bars.size() + " " + tf.label() + " bars of "
                + model.ticker() + ", model " + model.id() + " (" + model.packId() + " " + model.packVersion() + ", "
                + model.strategyId() + ")");
        repository.log(id, loaded, "processing", "Calculated indicator inputs; in-sample sessions " + d[0] + " to " + d[1]
                + (d.length > 2 ? ", holdout " + d[2] + " to " + d[3] : ""));
        if (tf.isDaily()) {
            repository.log(id, loaded, "processing", "Daily bars: allowed hours do not apply; combinations that differ"
                    + " only in allowed_hours give the same trades");
        }
        repository.log(id, now, "processing", "Persisted " + total + " combinations in " + units + " work units of "
                + spec.unitSize());
        cache.put(id, work);
        coordinator.started(id);
        log.info("sweep {} of model {}: {} combinations in {} units, prepared in {} ms", id, model.id(), total, units,
                clock.instant().toEpochMilli() - t0.toEpochMilli());
        return repository.find(id).orElseThrow();
    }

    /** The most sweeps {@link #list} answers. */
    public static final int MAX_LISTED = 100;

    /**
     * The owner's sweeps, newest first, at most {@link #MAX_LISTED}; {@code modelId} and {@code status} filter when
     * not null.
     */
    public List<SweepState> list(String ownerId, String modelId, SweepStatus status) {
        return repository.list(ownerId, modelId, status, MAX_LISTED);
    }

    public SweepState get(String ownerId, UUID id) {
        return repository.find(id, ownerId).orElseThrow(() -> notFound(id));
    }

    public List<LogEntry> log(UUID id) {
        return repository.log(id);
    }

    public SweepState cancel(String ownerId, UUID id) {
        SweepState s = get(ownerId, id);
        if (s.status() == SweepStatus.COMPLETED || s.status() == SweepStatus.FAILED) {
            throw new SweepConflictException("sweep " + id + " is already " + s.status().label());
        }
        if (repository.cancel(id, clock.instant())) {
            repository.log(id, clock.instant(), "cancelled", "Cancelled by the user after " + s.done() + " of "
                    + s.spec().totalCombinations() + " combinations");
        }
        return repository.find(id).orElseThrow();
    }

    /** One leaderboard page with the grid to show each row's configuration. */
    public Leaderboard leaderboard(String ownerId, UUID id, SortKey sort, boolean ascending, Boolean gatePass, int page, int size) {
        SweepState s = get(ownerId, id);
        List<ComboResult> rows = repository.leaderboard(id, sort, ascending, gatePass, page * size, size);
        SweepRepository.Counts counts = repository.counts(id, gatePass);
        return new Leaderboard(s, grid(s.spec()), rows, counts);
    }

    public record Leaderboard(SweepState sweep, SweepGrid grid, List<ComboResult> rows, SweepRepository.Counts counts) {
    }

    /** A stored result and its backtest recomputed by the engine (trades, equity curve), plus the holdout's. */
    public ResultDetail result(String ownerId, UUID id, long comboId) {
        SweepState s = get(ownerId, id);
        ComboResult stored = repository.result(id, comboId).orElseThrow(() -> new SweepNotFoundException(
                "sweep " + id + " has no result for combo_id " + comboId));
        SweepWork work = cache.get(s.spec());
        StrategyBacktest.Report report = work.inSample().detail(comboId);
        StrategyBacktest.Report holdout = work.holdout() == null ? null : work.holdout().detail(comboId);
        return new ResultDetail(s, work.grid(), stored, report, holdout, repository.configHash(id, comboId).orElse(null));
    }

    public record ResultDetail(SweepState sweep, SweepGrid grid, ComboResult stored, StrategyBacktest.Report report,
                               StrategyBacktest.Report holdout, String configHash) {
    }

    private SweepGrid grid(SweepSpec spec) {
        return cache.grid(spec);
    }

    private static SweepNotFoundException notFound(UUID id) {
        return new SweepNotFoundException("you have no sweep " + id);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static LocalDate date(String s, String field, List<FieldError> errors) {
        if (blank(s)) {
            errors.add(FieldError.of(field, field + " is required (YYYY-MM-DD)"));
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, field + " '" + s + "' is not a date (YYYY-MM-DD)"));
            return null;
        }
    }

    private static Map<String, List<Object>> parameters(LinkedHashMap<String, Object> raw, List<FieldError> errors) {
        Map<String, List<Object>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            errors.add(FieldError.of("parameters", "parameters needs at least one key with a list of values"));
            return out;
        }
        raw.forEach((k, v) -> {
            if (!(v instanceof List<?> l)) {
                errors.add(FieldError.of("parameters." + k, "parameters." + k + " must be a list of values"));
            } else if (l.isEmpty()) {
                errors.add(FieldError.of("parameters." + k, "parameters." + k + " needs at least one value"));
            } else {
                out.put(k, new ArrayList<>(l));
            }
        });
        return out;
    }

    private static Map<String, Double> gates(Map<String, Object> raw, List<FieldError> errors) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        raw.forEach((k, v) -> {
            if (v == null) {
                out.put(k, null);
            } else if (v instanceof Number n) {
                out.put(k, n.doubleValue());
            } else {
                errors.add(FieldError.of("quality_gates." + k, "quality_gates." + k + " must be a number"));
            }
        });
        return out;
    }
}
