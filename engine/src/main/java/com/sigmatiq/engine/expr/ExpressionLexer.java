package com.sigmatiq.engine.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits an expression's source into {@link Token}s; keywords are recognised in any case. */
final class ExpressionLexer {

    private ExpressionLexer() {
    }

    static List<Token> tokenize(String src) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int len = src.length();
        while (i < len) {
            char c = src.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (isDigit(c) || (c == '.' && i + 1 < len && isDigit(src.charAt(i + 1)))) {
                boolean integer = true;
                while (i < len && isDigit(src.charAt(i))) {
                    i++;
                }
                if (i < len && src.charAt(i) == '.') {
                    integer = false;
                    i++;
                    if (i >= len || !isDigit(src.charAt(i))) {
                        throw new ExpressionException("expected a digit after '.'", i);
                    }
                    while (i < len && isDigit(src.charAt(i))) {
                        i++;
                    }
                }
                if (i < len && (src.charAt(i) == 'e' || src.charAt(i) == 'E')) {
                    int j = i + 1;
                    if (j < len && (src.charAt(j) == '+' || src.charAt(j) == '-')) {
                        j++;
                    }
                    if (j < len && isDigit(src.charAt(j))) {
                        integer = false;
                        i = j;
                        while (i < len && isDigit(src.charAt(i))) {
                            i++;
                        }
                    }
                }
                String text = src.substring(start, i);
                out.add(new Token(Token.Kind.NUMBER, text, start, i, Double.parseDouble(text), integer));
                continue;
            }
            if (isIdentStart(c)) {
                while (i < len && isIdentPart(src.charAt(i))) {
                    i++;
                }
                String text = src.substring(start, i);
                out.add(new Token(keyword(text), text, start, i, 0, false));
                continue;
            }
            char next = i + 1 < len ? src.charAt(i + 1) : '\0';
            Token.Kind kind;
            int width = 1;
            switch (c) {
                case '(' -> kind = Token.Kind.LPAREN;
                case ')' -> kind = Token.Kind.RPAREN;
                case ',' -> kind = Token.Kind.COMMA;
                case '+' -> kind = Token.Kind.PLUS;
                case '-' -> kind = Token.Kind.MINUS;
                case '*' -> kind = Token.Kind.STAR;
                case '/' -> kind = Token.Kind.SLASH;
                case '>' -> {
                    kind = next == '=' ? Token.Kind.GE : Token.Kind.GT;
                    width = next == '=' ? 2 : 1;
                }
                case '<' -> {
                    kind = next == '=' ? Token.Kind.LE : Token.Kind.LT;
                    width = next == '=' ? 2 : 1;
                }
                case '=' -> {
                    if (next != '=') {
                        throw new ExpressionException("unexpected '='; compare with '=='", i);
                    }
                    kind = Token.Kind.EQ;
                    width = 2;
                }
                case '!' -> {
                    if (next != '=') {
                        throw new ExpressionException("unexpected '!'; negate with NOT, or compare with '!='", i);
                    }
                    kind = Token.Kind.NE;
                    width = 2;
                }
                case '&' -> throw new ExpressionException("unexpected '&'; combine conditions with AND", i);
                case '|' -> throw new ExpressionException("unexpected '|'; combine conditions with OR", i);
                default -> throw new ExpressionException("unexpected character '" + c + "'", i);
            }
            out.add(new Token(kind, src.substring(i, i + width), i, i + width, 0, false));
            i += width;
        }
        out.add(new Token(Token.Kind.END, "", len, len, 0, false));
        return out;
    }

    static boolean isReserved(String word) {
        return keyword(word) != Token.Kind.NAME;
    }

    private static Token.Kind keyword(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "and" -> Token.Kind.AND;
            case "or" -> Token.Kind.OR;
            case "not" -> Token.Kind.NOT;
            case "true" -> Token.Kind.TRUE;
            case "false" -> Token.Kind.FALSE;
            case "increasing" -> Token.Kind.INCREASING;
            case "decreasing" -> Token.Kind.DECREASING;
            default -> Token.Kind.NAME;
        };
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isIdentPart(char c) {
        return isIdentStart(c) || isDigit(c);
    }
}
