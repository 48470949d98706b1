/**
 * The expression language of feature {@code calculation}s and strategy rule lines (DESIGN.md §3
 * "Expression language"): compile once with {@link com.sigmatiq.engine.expr.ExpressionCompiler}
 * against a {@link com.sigmatiq.engine.expr.SymbolTable}, then evaluate over columns (batch) or bar
 * by bar ({@link com.sigmatiq.engine.expr.ExpressionStream}); both give bitwise-identical values.
 *
 * <h2>Grammar (EBNF)</h2>
 * <pre>
 * expression     = or ;
 * or             = and , { "OR" , and } ;
 * and            = not , { "AND" , not } ;
 * not            = "NOT" , not | comparison ;
 * comparison     = postfix , [ ( "&gt;" | "&gt;=" | "&lt;" | "&lt;=" | "==" | "!=" ) , postfix ] ;
 * postfix        = additive , { "increasing" | "decreasing" } ;
 * additive       = multiplicative , { ( "+" | "-" ) , multiplicative } ;
 * multiplicative = unary , { ( "*" | "/" ) , unary } ;
 * unary          = "-" , unary | primary ;
 * primary        = number | "true" | "false" | call | name | "(" , expression , ")" ;
 * call           = name , "(" , [ expression , { "," , expression } ] , ")" ;
 * name           = ( letter | "_" ) , { letter | digit | "_" } ;
 * number         = ( digits , [ "." , digits ] | "." , digits ) , [ ( "e" | "E" ) , [ "+" | "-" ] , digits ] ;
 * </pre>
 * Keywords ({@code AND OR NOT true false increasing decreasing}) and function names are matched in
 * any case; symbol names are case-sensitive (a wrong case gets the right name suggested). Blanks
 * separate tokens and are otherwise ignored.
 *
 * <h2>Precedence, lowest to highest</h2>
 * {@code OR} · {@code AND} · {@code NOT} · comparisons · postfix {@code increasing}/{@code decreasing}
 * · {@code + -} · {@code * /} · unary minus · primary. Binary operators associate to the left;
 * comparisons do not chain ({@code a < b < c} is an error: use AND).
 * <ul>
 *   <li>{@code NOT rsi > 50} is {@code NOT (rsi > 50)}; {@code a == NOT b} needs parentheses.</li>
 *   <li>The postfix applies to the whole additive expression on its left:
 *       {@code rsi - lag(rsi, 1) increasing} is {@code (rsi - lag(rsi, 1)) increasing}, and
 *       {@code adx increasing AND rsi > 50} is {@code (adx increasing) AND (rsi > 50)}.
 *       It does not reach over a comparison: {@code rsi > 50 increasing} is
 *       {@code rsi > (50 increasing)}, a type error.</li>
 * </ul>
 *
 * <h2>Types</h2>
 * Every expression is a NUMBER or a BOOLEAN, and the two do not mix:
 * {@code + - * /}, unary minus, {@code > >= < <=}, every function and {@code increasing}/{@code decreasing}
 * take numbers; {@code AND OR NOT} take booleans; {@code == !=} take two operands of the same type.
 * Comparisons, {@code AND OR NOT}, {@code crosses_above/below} and {@code increasing/decreasing} give
 * booleans, everything else numbers. An error names the 0-based position of the offending token or
 * operand and what was expected ({@code 'rsi' is a number but AND needs booleans}); an unknown name
 * lists up to 3 nearest known names (edit distance at most 3, ignoring case).
 *
 * <h2>Functions</h2>
 * <ul>
 *   <li>{@code abs(x)}, {@code sign(x)} (−1, 0 or 1), {@code min(a, b)}, {@code max(a, b)}.</li>
 *   <li>{@code normalized(x[, n = 100])}: (x − min) / (max − min) over the last n bars, current
 *       included; 0.5 when max = min; NaN until n bars exist and while the window holds a NaN.</li>
 *   <li>{@code detect_divergence(x, y[, n = 14])} = clip((Δy/σy − Δx/σx) / 4, −1, 1), Δ = v[t] − v[t−n],
 *       σ the population standard deviation of v[t−n+1..t]; a term is 0 where its σ is 0 (all n values
 *       equal); NaN until t ≥ n and while v[t−n..t] of x or y holds a NaN.</li>
 *   <li>{@code crosses_above(a, b)} = a[t] &gt; b[t] AND a[t−1] ≤ b[t−1]; {@code crosses_below(a, b)} =
 *       a[t] &lt; b[t] AND a[t−1] ≥ b[t−1]; false at t = 0.</li>
 *   <li>{@code lag(x, k)} = x[t−k], {@code change(x, k)} = x[t] − x[t−k]; NaN for t &lt; k.</li>
 *   <li>{@code x increasing} = x[t] &gt; x[t−1], {@code x decreasing} = x[t] &lt; x[t−1]; false at t = 0.</li>
 * </ul>
 * Window and lag arguments must be integer literals written as digits, 1 to 1,000,000.
 *
 * <h2>NaN and two-valued logic</h2>
 * Numbers follow IEEE arithmetic: arithmetic and functions of NaN give NaN ({@code min}/{@code max}
 * included), x/0 is ±∞ (0/0 NaN). Booleans are never NaN: a comparison with NaN is false (also
 * {@code !=}), so {@code macd_cross == false} holds while {@code macd_cross} cannot be computed; a
 * boolean input that is 0 or NaN is false, anything else true. In {@code normalized} and
 * {@code detect_divergence} ±∞ counts like NaN (the window is not valid).
 *
 * <h2>Evaluation and performance</h2>
 * Compilation builds a tree of nodes. Batch evaluation computes one node's whole column at a time
 * with a flat indexed loop (no per-bar allocation, boxing, dispatch or data-dependent branch);
 * {@code normalized} uses van Herk block extremes (deques when streaming) and {@code detect_divergence}
 * recomputes σ of each window around its newest value in loops across bars that vectorize (docs/engine.md).
 * Scratch columns live in a workspace
 * that a call borrows from a lock-free one-slot cache and gives back, so a
 * {@code CompiledExpression} may be evaluated from any number of threads at once (a concurrent
 * caller allocates its own workspace). A stream is a mirror tree with ring buffers sized at
 * compile time; {@code update} allocates nothing. Streams are not thread-safe. Windowed nodes share
 * one kernel class between batch and streaming, so the two agree bitwise.
 */
package com.sigmatiq.engine.expr;
