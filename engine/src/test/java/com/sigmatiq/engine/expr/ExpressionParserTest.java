package com.sigmatiq.engine.expr;

import static com.sigmatiq.engine.expr.ExprFixtures.SWINGSIGMA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Grammar, precedence, case rules, types and error messages of the expression language. */
class ExpressionParserTest {

    /** Fully parenthesised rendering of the parse tree, to check precedence and associativity. */
    static String tree(String source) {
        return render(ExpressionParser.parse(source));
    }

    private static String render(Ast a) {
        if (a instanceof Ast.NumberLiteral n) {
            return n.integer() ? String.valueOf((long) n.value()) : String.valueOf(n.value());
        }
        if (a instanceof Ast.BooleanLiteral b) {
            return String.valueOf(b.value());
        }
        if (a instanceof Ast.Name n) {
            return n.name();
        }
        if (a instanceof Ast.Negate n) {
            return "(-" + render(n.operand()) + ")";
        }
        if (a instanceof Ast.Not n) {
            return "(NOT " + render(n.operand()) + ")";
        }
        if (a instanceof Ast.Trend t) {
            return "(" + render(t.operand()) + (t.rising() ? " increasing)" : " decreasing)");
        }
        if (a instanceof Ast.Binary b) {
            return "(" + render(b.left()) + " " + b.op().symbol + " " + render(b.right()) + ")";
        }
        Ast.Call c = (Ast.Call) a;
        return c.function() + c.args().stream().map(ExpressionParserTest::render)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a + b * c                          | (a + (b * c))",
        "a * b + c                          | ((a * b) + c)",
        "a - b - c                          | ((a - b) - c)",
        "a / b / c                          | ((a / b) / c)",
        "a - b * c / d                      | (a - ((b * c) / d))",
        "-a * b                             | ((-a) * b)",
        "- -a                               | (-(-a))",
        "a * -b                             | (a * (-b))",
        "(a + b) * c                        | ((a + b) * c)",
        "a + b > c * d                      | ((a + b) > (c * d))",
        "a > b AND c < d                    | ((a > b) AND (c < d))",
        "a OR b AND c                       | (a OR (b AND c))",
        "a AND b OR c AND d                 | ((a AND b) OR (c AND d))",
        "a OR b OR c                        | ((a OR b) OR c)",
        "NOT a AND b                        | ((NOT a) AND b)",
        "NOT a > b                          | (NOT (a > b))",
        "NOT NOT a                          | (NOT (NOT a))",
        "a == b != c                        | error",
        "adx increasing AND rsi > 50        | ((adx increasing) AND (rsi > 50))",
        "rsi - lag(rsi, 1) increasing       | ((rsi - lag(rsi, 1)) increasing)",
        "a * b decreasing                   | ((a * b) decreasing)",
        "a increasing == b decreasing       | ((a increasing) == (b decreasing))",
        "rsi > 50 increasing                | (rsi > (50 increasing))",
        "x >= 1.5e2                         | (x >= 150.0)",
        "x <= .5                            | (x <= 0.5)",
        "f(a, b + 1, g())                   | f(a, (b + 1), g())",
        "TRUE or False                      | (true OR false)",
    })
    void precedenceAndAssociativity(String source, String expected) {
        if (expected.equals("error")) {
            assertThatThrownBy(() -> tree(source)).isInstanceOf(ExpressionException.class);
        } else {
            assertThat(tree(source)).isEqualTo(expected);
        }
    }

    @Test
    void keywordsAndFunctionNamesInAnyCase() {
        assertThat(tree("a and b Or NOT c aNd not d")).isEqualTo("((a AND b) OR ((NOT c) AND (NOT d)))");
        assertThat(tree("x Increasing AND y DECREASING")).isEqualTo("((x increasing) AND (y decreasing))");
        CompiledExpression e = ExpressionCompiler.compile("Normalized(RSI_divergence_missing_ok) > 0", table());
        assertThat(e.type()).isEqualTo(ValueType.BOOLEAN);
        assertThat(ExpressionCompiler.compile("macd_cross == TRUE or bb_squeeze == fAlSe", SWINGSIGMA).type())
                .isEqualTo(ValueType.BOOLEAN);
    }

    private static SymbolTable table() {
        return SymbolTable.builder().add("RSI_divergence_missing_ok", ValueType.NUMBER).build();
    }

    @Test
    void symbolNamesAreCaseSensitiveButSuggestTheRightCase() {
        ExpressionException e = error("RSI > 50");
        assertThat(e.position()).isZero();
        assertThat(e.suggestions()).first().isEqualTo("rsi");
    }

    @Test
    void typesOfEveryOperator() {
        record Case(String source, ValueType type) {
        }
        for (Case c : new Case[] {
            new Case("rsi + 1", ValueType.NUMBER), new Case("rsi - 1", ValueType.NUMBER),
            new Case("rsi * 2", ValueType.NUMBER), new Case("rsi / 2", ValueType.NUMBER),
            new Case("-rsi", ValueType.NUMBER), new Case("rsi", ValueType.NUMBER), new Case("42", ValueType.NUMBER),
            new Case("macd_cross", ValueType.BOOLEAN), new Case("true", ValueType.BOOLEAN),
            new Case("rsi > 1", ValueType.BOOLEAN), new Case("rsi >= 1", ValueType.BOOLEAN),
            new Case("rsi < 1", ValueType.BOOLEAN), new Case("rsi <= 1", ValueType.BOOLEAN),
            new Case("rsi == 1", ValueType.BOOLEAN), new Case("rsi != 1", ValueType.BOOLEAN),
            new Case("macd_cross == bb_squeeze", ValueType.BOOLEAN), new Case("macd_cross != true", ValueType.BOOLEAN),
            new Case("macd_cross AND bb_squeeze", ValueType.BOOLEAN), new Case("macd_cross OR bb_squeeze", ValueType.BOOLEAN),
            new Case("NOT macd_cross", ValueType.BOOLEAN), new Case("adx increasing", ValueType.BOOLEAN),
            new Case("adx decreasing", ValueType.BOOLEAN),
            new Case("abs(rsi)", ValueType.NUMBER), new Case("sign(rsi)", ValueType.NUMBER),
            new Case("min(rsi, 50)", ValueType.NUMBER), new Case("max(rsi, 50)", ValueType.NUMBER),
            new Case("normalized(rsi)", ValueType.NUMBER), new Case("normalized(rsi, 20)", ValueType.NUMBER),
            new Case("detect_divergence(price, rsi)", ValueType.NUMBER),
            new Case("detect_divergence(price, rsi, 10)", ValueType.NUMBER),
            new Case("crosses_above(macd, signal_line)", ValueType.BOOLEAN),
            new Case("crosses_below(macd, signal_line)", ValueType.BOOLEAN),
            new Case("lag(rsi, 3)", ValueType.NUMBER), new Case("change(rsi, 3)", ValueType.NUMBER),
        }) {
            assertThat(ExpressionCompiler.compile(c.source(), SWINGSIGMA).type()).as(c.source()).isEqualTo(c.type());
        }
    }

    @Test
    void referencedSlotsAreDistinctAndAscending() {
        CompiledExpression e = ExpressionCompiler.compile("price > ema_20 AND rsi > lag(rsi, 1) AND price < bb_upper",
                SWINGSIGMA);
        assertThat(e.referencedSlots()).containsExactly(SWINGSIGMA.slot("rsi"), SWINGSIGMA.slot("ema_20"),
                SWINGSIGMA.slot("bb_upper"), SWINGSIGMA.slot("price"));
        assertThat(ExpressionCompiler.compile("1 + 2", SWINGSIGMA).referencedSlots()).isEmpty();
        assertThat(e.source()).isEqualTo("price > ema_20 AND rsi > lag(rsi, 1) AND price < bb_upper");
    }

    // ------------------------------------------------------------------ errors

    private static ExpressionException error(String source) {
        try {
            ExpressionCompiler.compile(source, SWINGSIGMA);
        } catch (ExpressionException e) {
            return e;
        }
        throw new AssertionError("expected an error for: " + source);
    }

    /** Rows "source | position | expected part of the reason". */
    static Stream<Arguments> errorCases() {
        return Stream.of(ERROR_CASES).map(row -> {
            String[] f = row.split("\\|", 3);
            String source = f[0].strip();
            return Arguments.of(source.equals("<empty>") ? "" : source, Integer.parseInt(f[1].strip()), f[2].strip());
        });
    }

    private static final String[] ERROR_CASES = {
        // syntax
        "<empty>                       | 0  | expected an expression but found end of input",
        "rsi > 50 AND (rsi < 70        | 22 | expected ')' to close '(' at 13 but found end of input",
        "rsi >                         | 5  | expected a number, a name, a function call or '(' but found end of input",
        "rsi 50                        | 4  | expected an operator or end of input but found number 50",
        "rsi > 50)                     | 8  | expected an operator or end of input but found unmatched ')'",
        "rsi > 50 AND AND              | 13 | expected a number, a name, a function call or '(' but found 'AND'",
        "rsi # 2                       | 4  | unexpected character '#'",
        "rsi = 50                      | 4  | unexpected '='; compare with '=='",
        "!macd_cross                   | 0  | unexpected '!'; negate with NOT, or compare with '!='",
        "macd_cross && bb_squeeze      | 11 | unexpected '&'; combine conditions with AND",
        "rsi > 1.                      | 8  | expected a digit after '.'",
        "1 < rsi < 70                  | 8  | comparisons do not chain",
        "min(rsi 5)                    | 8  | expected ',' or ')' in the call of min but found number 5",
        "macd_cross == NOT bb_squeeze  | 14 | but found 'NOT' (NOT binds looser than comparisons",
        // types
        "rsi AND macd_cross            | 0  | 'rsi' is a number but AND needs booleans",
        "macd_cross OR rsi > 50 OR adx | 26 | 'adx' is a number but OR needs booleans",
        "NOT rsi                       | 4  | 'rsi' is a number but NOT needs booleans",
        "macd_cross + 1                | 0  | 'macd_cross' is a boolean but + needs numbers",
        "2 * (rsi > 50)                | 5  | 'rsi > 50' is a boolean but * needs numbers",
        "-macd_cross                   | 1  | 'macd_cross' is a boolean but unary minus needs a number",
        "macd_cross > 0                | 0  | 'macd_cross' is a boolean but > needs numbers",
        "macd_cross == 1               | 11 | == needs both sides of the same type, but 'macd_cross' is a boolean and '1' is a number",
        "rsi != true                   | 4  | != needs both sides of the same type",
        "macd_cross increasing         | 0  | 'macd_cross' is a boolean but increasing needs a number",
        "abs(macd_cross)               | 4  | 'macd_cross' is a boolean but abs needs numbers",
        "lag(bb_squeeze, 1)            | 4  | 'bb_squeeze' is a boolean but lag needs numbers",
        "crosses_above(rsi, true)      | 19 | 'true' is a boolean but crosses_above needs numbers",
        // functions and windows
        "normalized(rsi, 10, 2)        | 0  | normalized takes 1 or 2 arguments but got 3",
        "lag(rsi)                      | 0  | lag takes 2 arguments but got 1",
        "abs()                         | 0  | abs takes 1 argument but got 0",
        "normalized(rsi, 0)            | 16 | the window of normalized must be a positive integer literal (1 to 1000000) but found '0'",
        "normalized(rsi, 2.5)          | 16 | the window of normalized must be a positive integer literal",
        "lag(rsi, -1)                  | 9  | the lag of lag must be a positive integer literal (1 to 1000000) but found '-1'",
        "change(rsi, adx)              | 12 | the lag of change must be a positive integer literal",
        "detect_divergence(price, rsi, 1e1) | 30 | the window of detect_divergence must be a positive integer literal",
        "normalized(rsi, 2000000)      | 16 | the window of normalized must be a positive integer literal",
        "rsi(14) > 50                  | 0  | 'rsi' is a name, not a function",
        "normalised(rsi)               | 0  | unknown function 'normalised'; did you mean 'normalized'?",
        "foo(rsi)                      | 0  | unknown function 'foo'; functions are abs, sign, min, max, normalized",
        // names
        "rsii > 50                     | 0  | unknown name 'rsii'; did you mean 'rsi'?",
        "price > ema20                 | 8  | unknown name 'ema20'; did you mean 'ema_20' or 'ema_50'?",
        "volume > volume_avg           | 9  | unknown name 'volume_avg'; did you mean 'volume_ma'?",
        "qqqqqqq > 1                   | 0  | unknown name 'qqqqqqq'",
    };

    @ParameterizedTest
    @MethodSource("errorCases")
    void errorsNamePositionAndExpectation(String source, int position, String reason) {
        ExpressionException e = error(source);
        assertThat(e.reason()).contains(reason);
        assertThat(e.position()).as(e.getMessage()).isEqualTo(position);
        assertThat(e.getMessage()).contains(e.reason()).contains("at position " + position);
    }

    @Test
    void unknownNameSuggestsNearestKnownNames() {
        assertThat(error("stochastik < 20").suggestions()).startsWith("stochastic");
        assertThat(error("macd_lin > 0").suggestions()).containsExactly("macd_line");
        assertThat(error("ema20 > 1").suggestions()).containsExactly("ema_20", "ema_50");
        assertThat(error("qqqqqqq > 1").suggestions()).isEmpty();
        assertThat(error("qqqqqqq > 1").reason()).isEqualTo("unknown name 'qqqqqqq'");
        assertThat(error("rsi > 50)").suggestions()).isEmpty();
        assertThat(error("normalised(rsi)").suggestions()).containsExactly("normalized");
    }

    @Test
    void expectedTypeOverload() {
        assertThat(ExpressionCompiler.compile("rsi > 50", SWINGSIGMA, ValueType.BOOLEAN).type())
                .isEqualTo(ValueType.BOOLEAN);
        assertThatThrownBy(() -> ExpressionCompiler.compile("rsi + 50", SWINGSIGMA, ValueType.BOOLEAN))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("expected a boolean expression but 'rsi + 50' is a number");
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        String deep = "(".repeat(5000) + "rsi" + ")".repeat(5000);
        assertThat(error(deep).reason()).contains("nested too deeply");
        String longChain = "rsi" + " + rsi".repeat(5000);
        assertThat(error(longChain).reason()).contains("expression too large");
        assertThat(ExpressionCompiler.compile("rsi" + " + rsi".repeat(200), SWINGSIGMA).type())
                .isEqualTo(ValueType.NUMBER);
    }

    @Test
    void symbolTable() {
        SymbolTable t = SymbolTable.builder().add("a", ValueType.NUMBER).add("b", ValueType.BOOLEAN).build();
        assertThat(t.size()).isEqualTo(2);
        assertThat(t.slot("b")).isEqualTo(1);
        assertThat(t.slot("c")).isEqualTo(-1);
        assertThat(t.name(0)).isEqualTo("a");
        assertThat(t.type(1)).isEqualTo(ValueType.BOOLEAN);
        assertThat(t.names()).containsExactly("a", "b");
        assertThatThrownBy(() -> t.names().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> SymbolTable.builder().add("a", ValueType.NUMBER).add("a", ValueType.BOOLEAN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate");
    }
}
