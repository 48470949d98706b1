package com.sigmatiq.engine.pack;

import com.sigmatiq.engine.expr.CompiledExpression;
import com.sigmatiq.engine.expr.ExpressionCompiler;
import com.sigmatiq.engine.expr.ExpressionException;
import com.sigmatiq.engine.expr.NameSuggestions;
import com.sigmatiq.engine.expr.SymbolTable;
import com.sigmatiq.engine.expr.ValueType;
import com.sigmatiq.engine.indicator.IndicatorKind;
import com.sigmatiq.engine.indicator.ParamSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads a pack folder (or an uploaded set of files) into a validated {@link Pack}.
 *
 * <p>Every problem found is collected, each with its file, line and column; if there is any, the
 * whole pack is rejected with a {@link PackValidationException}. Nothing half-loaded escapes.
 */
public final class PackLoader {

    /** The six files of a pack, in the order they are read. */
    public static final List<String> FILES = List.of("pack.yaml", "indicators.yaml", "features.yaml",
            "strategies.yaml", "gates.yaml", "policies.yaml");

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern PACK_ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+([-+][0-9A-Za-z.-]+)?");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final List<PackError> errors = new ArrayList<>();
    private final Map<String, String> files;
    private final Map<String, YamlNode> roots = new HashMap<>();
    /** Features that were declared but could not be compiled: rules using them are not checked again. */
    private final Set<String> brokenFeatures = new HashSet<>();

    private PackLoader(Map<String, String> files) {
        this.files = files;
    }

    /** Loads the pack in {@code dir}. */
    public static Pack load(Path dir) {
        Map<String, String> files = new TreeMap<>();
        for (String f : FILES) {
            Path p = dir.resolve(f);
            if (Files.isRegularFile(p)) {
                try {
                    files.put(f, Files.readString(p, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + p, e);
                }
            }
        }
        return load(files);
    }

    /** Loads a pack from its files' contents, keyed by file name ({@code pack.yaml}, ...). */
    public static Pack load(Map<String, String> files) {
        return new PackLoader(new TreeMap<>(files)).load();
    }

    /** SHA-256 (hex) of a pack's files: each name and content, in name order. */
    public static String contentHash(Map<String, String> files) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> e : new TreeMap<>(files).entrySet()) {
                byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
                byte[] body = e.getValue().replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
                md.update(ByteBufferInts.of(name.length));
                md.update(name);
                md.update(ByteBufferInts.of(body.length));
                md.update(body);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class ByteBufferInts {
        static byte[] of(int v) {
            return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
        }
    }

    private Pack load() {
        for (String f : files.keySet()) {
            if (!FILES.contains(f)) {
                errors.add(new PackError(f, 0, 0, "not a pack file; a pack has " + String.join(", ", FILES)));
            }
        }
        for (String f : FILES) {
            String text = files.get(f);
            if (text == null) {
                errors.add(new PackError(f, 0, 0, "missing: a pack needs " + String.join(", ", FILES)));
                continue;
            }
            YamlNode root = YamlTreeReader.read(f, text, errors);
            if (root != null) {
                roots.put(f, root);
            }
        }
        PackInfo info = readInfo();
        List<IndicatorDef> indicators = readIndicators();
        List<FeatureDef> features = readFeatures(indicators);
        List<StrategyDef> strategies = readStrategies(indicators, features);
        PackGates gates = readGates();
        Policies policies = readPolicies();
        if (!errors.isEmpty()) {
            errors.sort((a, b) -> {
                int c = Integer.compare(FILES.indexOf(a.file()), FILES.indexOf(b.file()));
                if (c != 0) {
                    return c;
                }
                c = Integer.compare(a.line(), b.line());
                return c != 0 ? c : Integer.compare(a.column(), b.column());
            });
            throw new PackValidationException(errors);
        }
        return new Pack(info, indicators, features, strategies, gates, policies, contentHash(files));
    }

    // ---------------------------------------------------------------- pack.yaml

    private PackInfo readInfo() {
        String f = "pack.yaml";
        YamlNode.Mapping root = rootMap(f, "pack");
        if (root == null) {
            return null;
        }
        allowKeys(f, root, "pack", "metadata", "supported_instruments", "default_instrument");
        YamlNode.Mapping pack = map(f, root, "pack", true);
        if (pack == null) {
            return null;
        }
        allowKeys(f, pack, "id", "name", "version", "description", "author", "created_at");
        String id = text(f, pack, "id", true);
        if (id != null && !PACK_ID.matcher(id).matches()) {
            error(f, pack.entries().get("id").value(), "pack id '" + id + "' must be lower case letters, digits, '_' or '-'");
        }
        String version = text(f, pack, "version", true);
        if (version != null && !VERSION.matcher(version).matches()) {
            error(f, pack.entries().get("version").value(), "version '" + version + "' is not of the form MAJOR.MINOR.PATCH (e.g. 1.0.0)");
        }
        String name = text(f, pack, "name", true);
        List<String> tags = List.of();
        YamlNode.Mapping metadata = map(f, root, "metadata", false);
        if (metadata != null) {
            tags = textList(f, metadata, "tags");
        }
        List<String> instruments = textList(f, root, "supported_instruments");
        String defaultInstrument = text(f, root, "default_instrument", false);
        if (defaultInstrument != null && !instruments.isEmpty() && !instruments.contains(defaultInstrument)) {
            error(f, root.entries().get("default_instrument").value(), "default_instrument '" + defaultInstrument
                    + "' is not one of supported_instruments" + NameSuggestions.hint(defaultInstrument, instruments));
        }
        return new PackInfo(id, name, version, text(f, pack, "description", false), text(f, pack, "author", false),
                text(f, pack, "created_at", false), tags, instruments, defaultInstrument);
    }

    // ---------------------------------------------------------------- indicators.yaml

    private List<IndicatorDef> readIndicators() {
        String f = "indicators.yaml";
        YamlNode.Mapping root = rootMap(f, "indicators");
        List<IndicatorDef> out = new ArrayList<>();
        if (root == null) {
            return out;
        }
        allowKeys(f, root, "indicators");
        YamlNode node = value(f, root, "indicators", true);
        Map<String, YamlNode> groups = new LinkedHashMap<>();
        if (node instanceof YamlNode.Mapping m) {
            m.entries().forEach((k, e) -> groups.put(k, e.value()));
        } else if (node instanceof YamlNode.Sequence) {
            groups.put(null, node);
        } else if (node != null) {
            error(f, node, "'indicators' must be a list of indicators or a map of categories to lists, not " + node.describe());
        }
        Map<String, YamlNode> seenIds = new HashMap<>();
        Map<String, String> outputOwner = new HashMap<>();
        for (String b : Pack.BAR_FIELDS) {
            outputOwner.put(b, "the bar field " + b);
        }
        for (Map.Entry<String, YamlNode> g : groups.entrySet()) {
            if (!(g.getValue() instanceof YamlNode.Sequence seq)) {
                error(f, g.getValue(), "category '" + g.getKey() + "' must be a list of indicators, not " + g.getValue().describe());
                continue;
            }
            for (YamlNode item : seq.items()) {
                if (!(item instanceof YamlNode.Mapping m)) {
                    error(f, item, "an indicator must be a map with id, name and params, not " + item.describe());
                    continue;
                }
                allowKeys(f, m, "id", "name", "type", "params", "description");
                String id = text(f, m, "id", true);
                if (id == null) {
                    continue;
                }
                YamlNode idNode = m.entries().get("id").value();
                if (!ID.matcher(id).matches()) {
                    error(f, idNode, "indicator id '" + id + "' must start with a lower-case letter and hold only a-z, 0-9 and '_'");
                    continue;
                }
                if (seenIds.containsKey(id)) {
                    error(f, idNode, "duplicate indicator id '" + id + "' (first at line " + seenIds.get(id).line() + ")");
                    continue;
                }
                seenIds.put(id, idNode);
                String type = text(f, m, "type", false);
                var kind = IndicatorKind.resolve(type, id);
                if (kind.isEmpty()) {
                    String shown = type != null ? type : id;
                    error(f, type != null ? m.entries().get("type").value() : idNode, "unknown indicator kind '" + shown + "'"
                            + (type == null ? " (give 'type:' or use a kind as the id)" : "")
                            + NameSuggestions.hint(shown.replaceFirst("_[a-z0-9]+$", ""), IndicatorKind.ids()));
                    continue;
                }
                double[] params = readParams(f, m, kind.get(), id);
                if (kind.get() == IndicatorKind.MACD && params[0] >= params[1]) {
                    error(f, m, "macd '" + id + "': fast_period (" + (long) params[0] + ") must be shorter than slow_period (" + (long) params[1] + ")");
                }
                IndicatorDef def = new IndicatorDef(id, kind.get(), text(f, m, "name", false), g.getKey(), params);
                for (String output : def.outputNames()) {
                    String owner = outputOwner.putIfAbsent(output, "indicator '" + id + "'");
                    if (owner != null) {
                        error(f, idNode, "indicator '" + id + "' outputs '" + output + "', which " + owner + " already provides; give one of them another kind of id");
                    }
                }
                out.add(def);
            }
        }
        return out;
    }

    private double[] readParams(String f, YamlNode.Mapping m, IndicatorKind kind, String id) {
        double[] values = kind.defaults();
        YamlNode node = value(f, m, "params", false);
        if (node == null) {
            return values;
        }
        if (!(node instanceof YamlNode.Mapping pm)) {
            error(f, node, "params of '" + id + "' must be a map of names to values, not " + node.describe());
            return values;
        }
        List<String> names = kind.params().stream().map(ParamSpec::name).toList();
        for (YamlNode.Entry e : pm.entries().values()) {
            int i = kind.paramIndex(e.key());
            if (i < 0) {
                errors.add(new PackError(f, e.line(), e.column(), "unknown parameter '" + e.key() + "' for " + kind.id() + " '" + id + "'"
                        + NameSuggestions.hint(e.key(), names)));
                continue;
            }
            ParamSpec spec = kind.params().get(i);
            Double v = paramValue(e.value(), spec);
            if (v == null || !spec.accepts(v)) {
                error(f, e.value(), "parameter '" + e.key() + "' of '" + id + "' must be " + spec.describeRange() + ", not " + e.value().describe());
                continue;
            }
            values[i] = v;
        }
        return values;
    }

    private static Double paramValue(YamlNode n, ParamSpec spec) {
        if (!(n instanceof YamlNode.Scalar s)) {
            return null;
        }
        return switch (spec.type()) {
            case BOOLEAN -> s.kind() == YamlNode.Scalar.Kind.BOOLEAN ? (Boolean.parseBoolean(s.text()) ? 1.0 : 0.0) : null;
            case INTEGER -> s.kind() == YamlNode.Scalar.Kind.INTEGER ? Double.parseDouble(s.text()) : null;
            case NUMBER -> s.kind() == YamlNode.Scalar.Kind.INTEGER || s.kind() == YamlNode.Scalar.Kind.NUMBER ? Double.parseDouble(s.text()) : null;
        };
    }

    // ---------------------------------------------------------------- features.yaml

    private List<FeatureDef> readFeatures(List<IndicatorDef> indicators) {
        String f = "features.yaml";
        YamlNode.Mapping root = rootMap(f, "features");
        List<FeatureDef> out = new ArrayList<>();
        if (root == null) {
            return out;
        }
        allowKeys(f, root, "features");
        YamlNode.Sequence seq = list(f, root, "features", true);
        if (seq == null) {
            return out;
        }
        Set<String> taken = new LinkedHashSet<>(Pack.BAR_FIELDS);
        taken.addAll(Pack.indicatorOutputNames(indicators));
        record Raw(String id, String name, YamlNode.Scalar calc, YamlNode idNode) {
        }
        Map<String, Raw> raw = new LinkedHashMap<>();
        for (YamlNode item : seq.items()) {
            if (!(item instanceof YamlNode.Mapping m)) {
                error(f, item, "a feature must be a map with id, name and calculation, not " + item.describe());
                continue;
            }
            allowKeys(f, m, "id", "name", "calculation", "description");
            String id = text(f, m, "id", true);
            YamlNode.Scalar calc = scalarText(f, m, "calculation", true);
            if (id == null) {
                continue;
            }
            YamlNode idNode = m.entries().get("id").value();
            if (!ID.matcher(id).matches()) {
                error(f, idNode, "feature id '" + id + "' must start with a lower-case letter and hold only a-z, 0-9 and '_'");
                continue;
            }
            if (raw.containsKey(id)) {
                error(f, idNode, "duplicate feature id '" + id + "' (first at line " + raw.get(id).idNode().line() + ")");
                continue;
            }
            if (taken.contains(id)) {
                error(f, idNode, "feature id '" + id + "' is already the name of " + (Pack.BAR_FIELDS.contains(id) ? "a bar field" : "an indicator output"));
                continue;
            }
            raw.put(id, new Raw(id, text(f, m, "name", false), calc, idNode));
        }
        // order features so that each comes after the features it uses; a cycle is an error
        Map<String, Set<String>> uses = new LinkedHashMap<>();
        for (Raw r : raw.values()) {
            Set<String> deps = new LinkedHashSet<>();
            if (r.calc() != null) {
                Matcher mt = IDENT.matcher(r.calc().text());
                while (mt.find()) {
                    if (raw.containsKey(mt.group()) && !mt.group().equals(r.id())) {
                        deps.add(mt.group());
                    } else if (mt.group().equals(r.id())) {
                        deps.add(r.id());
                    }
                }
            }
            uses.put(r.id(), deps);
        }
        List<String> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> inCycle = new HashSet<>();
        for (String id : uses.keySet()) {
            visit(id, uses, done, new LinkedHashSet<>(), order, inCycle);
        }
        Map<String, ValueType> types = new HashMap<>();
        for (String id : order) {
            Raw r = raw.get(id);
            if (inCycle.contains(id)) {
                brokenFeatures.add(id);
                error(f, r.calc() != null ? r.calc() : r.idNode(), "feature '" + id + "' depends on itself through " + String.join(" -> ", cyclePath(id, uses)));
                continue;
            }
            if (r.calc() == null) {
                continue;
            }
            SymbolTable.Builder b = SymbolTable.builder();
            taken.forEach(n -> b.add(n, ValueType.NUMBER));
            types.forEach(b::add);
            CompiledExpression c = compile(f, r.calc(), b.build(), "feature '" + id + "'");
            if (c != null) {
                types.put(id, c.type());
            } else {
                brokenFeatures.add(id);
            }
        }
        for (Raw r : raw.values()) {
            ValueType t = types.get(r.id());
            if (t != null) {
                out.add(new FeatureDef(r.id(), r.name(), r.calc().text(), t));
            }
        }
        return out;
    }

    private static void visit(String id, Map<String, Set<String>> uses, Set<String> done, LinkedHashSet<String> path,
                              List<String> order, Set<String> inCycle) {
        if (done.contains(id)) {
            return;
        }
        if (path.contains(id)) {
            boolean on = false;
            for (String p : path) {
                on |= p.equals(id);
                if (on) {
                    inCycle.add(p);
                }
            }
            return;
        }
        path.add(id);
        for (String d : uses.getOrDefault(id, Set.of())) {
            visit(d, uses, done, path, order, inCycle);
        }
        path.remove(id);
        done.add(id);
        order.add(id);
    }

    private static List<String> cyclePath(String start, Map<String, Set<String>> uses) {
        List<String> path = new ArrayList<>();
        path.add(start);
        String cur = start;
        Set<String> seen = new HashSet<>();
        while (seen.add(cur)) {
            String next = null;
            for (String d : uses.getOrDefault(cur, Set.of())) {
                if (d.equals(start) || reaches(d, start, uses, new HashSet<>())) {
                    next = d;
                    break;
                }
            }
            if (next == null) {
                break;
            }
            path.add(next);
            if (next.equals(start)) {
                break;
            }
            cur = next;
        }
        return path;
    }

    private static boolean reaches(String from, String to, Map<String, Set<String>> uses, Set<String> seen) {
        if (!seen.add(from)) {
            return false;
        }
        for (String d : uses.getOrDefault(from, Set.of())) {
            if (d.equals(to) || reaches(d, to, uses, seen)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- strategies.yaml

    private List<StrategyDef> readStrategies(List<IndicatorDef> indicators, List<FeatureDef> features) {
        String f = "strategies.yaml";
        YamlNode.Mapping root = rootMap(f, "strategies");
        List<StrategyDef> out = new ArrayList<>();
        if (root == null) {
            return out;
        }
        allowKeys(f, root, "strategies");
        YamlNode.Sequence seq = list(f, root, "strategies", true);
        if (seq == null) {
            return out;
        }
        SymbolTable.Builder b = SymbolTable.builder();
        Pack.BAR_FIELDS.forEach(n -> b.add(n, ValueType.NUMBER));
        Pack.indicatorOutputNames(indicators).forEach(n -> b.add(n, ValueType.NUMBER));
        features.forEach(ft -> b.add(ft.id(), ft.type()));
        SymbolTable symbols = b.build();
        Map<String, YamlNode> seen = new HashMap<>();
        for (YamlNode item : seq.items()) {
            if (!(item instanceof YamlNode.Mapping m)) {
                error(f, item, "a strategy must be a map with id, name, entry_logic and exit_logic, not " + item.describe());
                continue;
            }
            allowKeys(f, m, "id", "name", "description", "entry_logic", "exit_logic");
            String id = text(f, m, "id", true);
            if (id == null) {
                continue;
            }
            YamlNode idNode = m.entries().get("id").value();
            if (!ID.matcher(id).matches()) {
                error(f, idNode, "strategy id '" + id + "' must start with a lower-case letter and hold only a-z, 0-9 and '_'");
            } else if (seen.containsKey(id)) {
                error(f, idNode, "duplicate strategy id '" + id + "' (first at line " + seen.get(id).line() + ")");
                continue;
            }
            seen.put(id, idNode);
            List<StrategyDef.RuleLine> entry = rules(f, m, "entry_logic", symbols, id);
            List<StrategyDef.RuleLine> exit = rules(f, m, "exit_logic", symbols, id);
            out.add(new StrategyDef(id, text(f, m, "name", false), text(f, m, "description", false), entry, exit));
        }
        return out;
    }

    private List<StrategyDef.RuleLine> rules(String f, YamlNode.Mapping m, String key, SymbolTable symbols, String strategy) {
        List<StrategyDef.RuleLine> out = new ArrayList<>();
        YamlNode.Sequence seq = list(f, m, key, true);
        if (seq == null) {
            return out;
        }
        if (seq.items().isEmpty()) {
            error(f, seq, key + " of strategy '" + strategy + "' needs at least one rule");
        }
        for (YamlNode item : seq.items()) {
            YamlNode.Scalar expr;
            double weight = 1;
            if (item instanceof YamlNode.Mapping rm) {
                allowKeys(f, rm, "rule", "weight");
                expr = scalarText(f, rm, "rule", true);
                YamlNode w = value(f, rm, "weight", false);
                if (w != null) {
                    Double v = number(w);
                    if (v == null || !(v > 0) || v > 1e6) {
                        error(f, w, "weight must be a positive number, not " + w.describe());
                    } else {
                        weight = v;
                    }
                }
            } else if (item instanceof YamlNode.Scalar s && s.kind() == YamlNode.Scalar.Kind.STRING) {
                expr = s;
            } else {
                error(f, item, "a rule must be a formula in quotes or a map with 'rule' and 'weight', not " + item.describe());
                continue;
            }
            if (expr == null || usesBrokenFeature(expr.text())) {
                continue;
            }
            CompiledExpression c = compile(f, expr, symbols, "rule of '" + strategy + "'");
            if (c == null) {
                continue;
            }
            if (c.type() != ValueType.BOOLEAN) {
                errors.add(new PackError(f, expr.line(), expr.contentColumn(), "a rule must be true or false, but '" + expr.text()
                        + "' is a number (compare it, e.g. '" + expr.text() + " > 0')"));
                continue;
            }
            out.add(new StrategyDef.RuleLine(expr.text(), weight));
        }
        return out;
    }

    private boolean usesBrokenFeature(String source) {
        Matcher m = IDENT.matcher(source);
        while (m.find()) {
            if (brokenFeatures.contains(m.group())) {
                return true;
            }
        }
        return false;
    }

    private CompiledExpression compile(String f, YamlNode.Scalar expr, SymbolTable symbols, String what) {
        try {
            return ExpressionCompiler.compile(expr.text(), symbols);
        } catch (ExpressionException e) {
            int col = expr.contentColumn() + e.position();
            String reason = e.reason();
            errors.add(new PackError(f, expr.line(), col, what + ": " + reason + " in '" + expr.text() + "'"));
            return null;
        }
    }

    // ---------------------------------------------------------------- gates.yaml

    private PackGates readGates() {
        String f = "gates.yaml";
        YamlNode.Mapping root = rootMap(f, "gates");
        Map<String, Map<String, Double>> sections = new LinkedHashMap<>();
        PackGates.SECTIONS.forEach(s -> sections.put(s, new LinkedHashMap<>()));
        if (root != null) {
            allowKeys(f, root, "gates");
            YamlNode.Mapping gates = map(f, root, "gates", true);
            if (gates != null) {
                allowKeys(f, gates, PackGates.SECTIONS.toArray(String[]::new));
                for (String section : PackGates.SECTIONS) {
                    YamlNode.Mapping sm = map(f, gates, section, false);
                    if (sm == null) {
                        continue;
                    }
                    Map<String, PackGates.Range> known = PackGates.KNOWN.get(section);
                    for (YamlNode.Entry e : sm.entries().values()) {
                        PackGates.Range range = known.get(e.key());
                        if (range == null) {
                            errors.add(new PackError(f, e.line(), e.column(), "unknown " + section + " gate '" + e.key() + "'"
                                    + NameSuggestions.hint(e.key(), known.keySet())));
                            continue;
                        }
                        Double v = number(e.value());
                        if (v == null || !range.accepts(v)) {
                            error(f, e.value(), "gate '" + e.key() + "' must be " + range.describe() + ", not " + e.value().describe());
                            continue;
                        }
                        sections.get(section).put(e.key(), v);
                    }
                }
            }
        }
        return new PackGates(sections.get("quality"), sections.get("execution"), sections.get("risk"));
    }

    // ---------------------------------------------------------------- policies.yaml

    private Policies readPolicies() {
        String f = "policies.yaml";
        YamlNode.Mapping root = rootMap(f, "policies");
        if (root == null) {
            return new Policies(Policies.Execution.DEFAULT, Policies.PositionSizing.DEFAULT, Policies.RiskManagement.DEFAULT);
        }
        allowKeys(f, root, "policies");
        YamlNode.Mapping p = map(f, root, "policies", true);
        if (p == null) {
            return new Policies(Policies.Execution.DEFAULT, Policies.PositionSizing.DEFAULT, Policies.RiskManagement.DEFAULT);
        }
        allowKeys(f, p, "execution", "position_sizing", "risk_management");
        Policies.Execution ex = Policies.Execution.DEFAULT;
        YamlNode.Mapping em = map(f, p, "execution", false);
        if (em != null) {
            allowKeys(f, em, "order_type", "time_in_force", "wait_for_confirmation", "partial_fills_allowed");
            ex = new Policies.Execution(
                    choice(f, em, "order_type", ex.orderType(), List.of("limit", "market")),
                    choice(f, em, "time_in_force", ex.timeInForce(), List.of("day", "gtc")),
                    bool(f, em, "wait_for_confirmation", ex.waitForConfirmation()),
                    bool(f, em, "partial_fills_allowed", ex.partialFillsAllowed()));
        }
        Policies.PositionSizing ps = Policies.PositionSizing.DEFAULT;
        YamlNode.Mapping pm = map(f, p, "position_sizing", false);
        if (pm != null) {
            allowKeys(f, pm, "method", "max_position_pct", "min_position_pct", "scale_in_allowed", "max_positions");
            ps = new Policies.PositionSizing(
                    choice(f, pm, "method", ps.method(), List.of("kelly_fraction", "fixed_fraction")),
                    num(f, pm, "max_position_pct", ps.maxPositionPct(), new PackGates.Range(0.01, 100, false)),
                    num(f, pm, "min_position_pct", ps.minPositionPct(), new PackGates.Range(0, 100, false)),
                    bool(f, pm, "scale_in_allowed", ps.scaleInAllowed()),
                    (int) num(f, pm, "max_positions", ps.maxPositions(), new PackGates.Range(1, 10_000, true)));
            if (ps.minPositionPct() > ps.maxPositionPct()) {
                error(f, pm, "min_position_pct (" + ps.minPositionPct() + ") must not exceed max_position_pct (" + ps.maxPositionPct() + ")");
            }
        }
        Policies.RiskManagement rm = Policies.RiskManagement.DEFAULT;
        YamlNode.Mapping rmm = map(f, p, "risk_management", false);
        if (rmm != null) {
            allowKeys(f, rmm, "stop_loss_pct", "take_profit_pct", "trailing_stop", "trailing_stop_pct", "time_stop_days");
            rm = new Policies.RiskManagement(
                    num(f, rmm, "stop_loss_pct", 0, new PackGates.Range(0, 99.99, false)),
                    num(f, rmm, "take_profit_pct", 0, new PackGates.Range(0, 10_000, false)),
                    bool(f, rmm, "trailing_stop", rmm.entries().containsKey("trailing_stop_pct")),
                    num(f, rmm, "trailing_stop_pct", 0, new PackGates.Range(0, 99.99, false)),
                    (int) num(f, rmm, "time_stop_days", 0, new PackGates.Range(0, 100_000, true)));
        }
        return new Policies(ex, ps, rm);
    }

    // ---------------------------------------------------------------- typed access with errors

    private YamlNode.Mapping rootMap(String f, String key) {
        YamlNode root = roots.get(f);
        if (root == null) {
            if (files.containsKey(f) && errors.stream().noneMatch(e -> e.file().equals(f))) {
                errors.add(new PackError(f, 0, 0, "empty: expected a map with '" + key + "'"));
            }
            return null;
        }
        if (!(root instanceof YamlNode.Mapping m)) {
            error(f, root, "expected a map with '" + key + "' at the top, not " + root.describe());
            return null;
        }
        return m;
    }

    private void allowKeys(String f, YamlNode.Mapping m, String... allowed) {
        List<String> known = List.of(allowed);
        for (YamlNode.Entry e : m.entries().values()) {
            if (!known.contains(e.key())) {
                errors.add(new PackError(f, e.line(), e.column(), "unknown key '" + e.key() + "'" + NameSuggestions.hint(e.key(), known)));
            }
        }
    }

    private YamlNode value(String f, YamlNode.Mapping m, String key, boolean required) {
        YamlNode.Entry e = m.entries().get(key);
        if (e == null || (e.value() instanceof YamlNode.Scalar s && s.kind() == YamlNode.Scalar.Kind.NULL)) {
            if (required) {
                error(f, e != null ? e.value() : m, "missing '" + key + "'");
            }
            return null;
        }
        return e.value();
    }

    private YamlNode.Mapping map(String f, YamlNode.Mapping m, String key, boolean required) {
        YamlNode v = value(f, m, key, required);
        if (v == null) {
            return null;
        }
        if (v instanceof YamlNode.Mapping mm) {
            return mm;
        }
        error(f, v, "'" + key + "' must be a map, not " + v.describe());
        return null;
    }

    private YamlNode.Sequence list(String f, YamlNode.Mapping m, String key, boolean required) {
        YamlNode v = value(f, m, key, required);
        if (v == null) {
            return null;
        }
        if (v instanceof YamlNode.Sequence s) {
            return s;
        }
        error(f, v, "'" + key + "' must be a list, not " + v.describe());
        return null;
    }

    private YamlNode.Scalar scalarText(String f, YamlNode.Mapping m, String key, boolean required) {
        YamlNode v = value(f, m, key, required);
        if (v == null) {
            return null;
        }
        if (v instanceof YamlNode.Scalar s && s.kind() == YamlNode.Scalar.Kind.STRING && !s.text().isBlank()) {
            return s;
        }
        error(f, v, "'" + key + "' must be a text, not " + v.describe());
        return null;
    }

    private String text(String f, YamlNode.Mapping m, String key, boolean required) {
        YamlNode v = value(f, m, key, required);
        if (v == null) {
            return null;
        }
        if (v instanceof YamlNode.Scalar s) {
            return s.text();
        }
        error(f, v, "'" + key + "' must be a text, not " + v.describe());
        return null;
    }

    private List<String> textList(String f, YamlNode.Mapping m, String key) {
        YamlNode.Sequence s = list(f, m, key, false);
        if (s == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (YamlNode item : s.items()) {
            if (item instanceof YamlNode.Scalar sc && sc.kind() != YamlNode.Scalar.Kind.NULL) {
                out.add(sc.text());
            } else {
                error(f, item, "items of '" + key + "' must be texts, not " + item.describe());
            }
        }
        return out;
    }

    private String choice(String f, YamlNode.Mapping m, String key, String def, List<String> allowed) {
        String v = text(f, m, key, false);
        if (v == null) {
            return def;
        }
        if (!allowed.contains(v)) {
            error(f, m.entries().get(key).value(), "'" + key + "' must be one of " + String.join(", ", allowed) + ", not '" + v + "'");
            return def;
        }
        return v;
    }

    private boolean bool(String f, YamlNode.Mapping m, String key, boolean def) {
        YamlNode v = value(f, m, key, false);
        if (v == null) {
            return def;
        }
        if (v instanceof YamlNode.Scalar s && s.kind() == YamlNode.Scalar.Kind.BOOLEAN) {
            return Boolean.parseBoolean(s.text());
        }
        error(f, v, "'" + key + "' must be true or false, not " + v.describe());
        return def;
    }

    private double num(String f, YamlNode.Mapping m, String key, double def, PackGates.Range range) {
        YamlNode v = value(f, m, key, false);
        if (v == null) {
            return def;
        }
        Double d = number(v);
        if (d == null || !range.accepts(d)) {
            error(f, v, "'" + key + "' must be " + range.describe() + ", not " + v.describe());
            return def;
        }
        return d;
    }

    private static Double number(YamlNode v) {
        if (v instanceof YamlNode.Scalar s && (s.kind() == YamlNode.Scalar.Kind.INTEGER || s.kind() == YamlNode.Scalar.Kind.NUMBER)) {
            return Double.parseDouble(s.text());
        }
        return null;
    }

    private void error(String f, YamlNode at, String message) {
        errors.add(new PackError(f, at.line(), at instanceof YamlNode.Scalar s ? s.contentColumn() : at.column(), message));
    }
}
