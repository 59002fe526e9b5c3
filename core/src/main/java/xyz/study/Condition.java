package xyz.study;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import xyz.study.ConditionLexer.Kind;
import xyz.study.ConditionLexer.Token;

/**
 * A condition on the parameters of a cell, as written in {@code exclude} rules: comparisons
 * ({@code ==, !=, <, <=, >, >=}), membership ({@code in [...]}, {@code not in [...]}), {@code
 * and}, {@code or}, {@code not} and parentheses. Names are axes; values are numbers, quoted text
 * and {@code true}/{@code false}. A name alone is true when that parameter is {@code true}.
 *
 * <p>Numbers compare numerically, whatever their type; text compares by its characters; other
 * pairs are equal when their labels ({@link Values#label}) are. A comparison with a parameter the
 * cell does not have (a control of another method) is false.
 */
public final class Condition {
  private static final Object ABSENT = new Object();

  /**
   * A name used in a condition.
   *
   * @param name the axis name
   * @param position where it starts in the condition's text, from 0
   */
  public record Name(String name, int position) {}

  /**
   * A text value compared with an axis ({@code method == 'svm'}), which should be one of its
   * levels.
   *
   * @param axis the axis name
   * @param label the text compared with it
   * @param position where the text starts in the condition, from 0 (at its opening quote)
   */
  public record Match(String axis, String label, int position) {}

  private sealed interface Expr {}

  private record Or(Expr left, Expr right) implements Expr {}

  private record And(Expr left, Expr right) implements Expr {}

  private record Not(Expr inner) implements Expr {}

  private record Compare(String op, Operand left, Operand right) implements Expr {}

  private record In(Operand left, List<Object> values, boolean negated) implements Expr {}

  private record Truth(Operand operand) implements Expr {}

  private sealed interface Operand {}

  private record Ref(String name, int position) implements Operand {}

  private record Lit(Object value, int position) implements Operand {}

  private final String text;
  private final Expr root;
  private final List<Name> names = new ArrayList<>();
  private final List<Match> matches = new ArrayList<>();
  private final List<Token> tokens;
  private int at;

  private Condition(String text) {
    this.text = text;
    this.tokens = ConditionLexer.tokens(text);
    this.root = parseOr();
    Token end = peek();
    if (end.kind() != Kind.END) {
      throw new ConditionSyntaxException("unexpected " + describe(end), end.position(),
          "join conditions with 'and' or 'or'");
    }
  }

  /**
   * Parses a condition.
   *
   * @param text the condition, such as {@code method == 'svm' and p > 0.5}
   * @return the parsed condition
   * @throws ConditionSyntaxException when it does not parse, with the position of the fault
   */
  public static Condition parse(String text) {
    return new Condition(text);
  }

  /** The condition as written. */
  public String text() {
    return text;
  }

  /** The names the condition uses, in order of appearance (repeats included). */
  public List<Name> names() {
    return Collections.unmodifiableList(names);
  }

  /** The text values compared with an axis, which should be among its levels. */
  public List<Match> matches() {
    return Collections.unmodifiableList(matches);
  }

  /** Whether the condition holds for these parameters, keyed by axis name. */
  public boolean test(Map<String, ?> params) {
    List<String> keys = new ArrayList<>(params.keySet());
    return bind(keys).test(params.values().toArray());
  }

  /**
   * The condition compiled for cells whose parameters come as an array in the order of {@code
   * keys}, for testing many cells fast.
   */
  public Predicate<Object[]> bind(List<String> keys) {
    Map<String, Integer> slots = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      slots.put(keys.get(i), i);
    }
    return compile(root, slots);
  }

  @Override
  public String toString() {
    return text;
  }

  // ---- parsing

  private Token peek() {
    return tokens.get(at);
  }

  private Token take() {
    return tokens.get(at++);
  }

  private Expr parseOr() {
    Expr left = parseAnd();
    while (peek().kind() == Kind.OR) {
      take();
      left = new Or(left, parseAnd());
    }
    return left;
  }

  private Expr parseAnd() {
    Expr left = parseNot();
    while (peek().kind() == Kind.AND) {
      take();
      left = new And(left, parseNot());
    }
    return left;
  }

  private Expr parseNot() {
    if (peek().kind() == Kind.NOT) {
      take();
      return new Not(parseNot());
    }
    return parseComparison();
  }

  private Expr parseComparison() {
    if (peek().kind() == Kind.LPAREN) {
      Token open = take();
      Expr inner = parseOr();
      Token close = peek();
      if (close.kind() != Kind.RPAREN) {
        throw new ConditionSyntaxException("expected ')', found " + describe(close),
            close.position(), "close the '(' at column " + (open.position() + 1));
      }
      take();
      return inner;
    }
    Operand left = operand(null);
    Token next = peek();
    if (next.kind() == Kind.OP) {
      take();
      Operand right = operand(next);
      noteMatch(left, right);
      noteMatch(right, left);
      return new Compare(next.text(), left, right);
    }
    if (next.kind() == Kind.IN) {
      take();
      return in(left, false);
    }
    if (next.kind() == Kind.NOT && at + 1 < tokens.size()
        && tokens.get(at + 1).kind() == Kind.IN) {
      take();
      take();
      return in(left, true);
    }
    if (left instanceof Lit lit && !(lit.value() instanceof Boolean)) {
      throw new ConditionSyntaxException("a value alone is not a condition", lit.position(),
          "compare it with an axis, such as p == 0.5");
    }
    return new Truth(left);
  }

  private Operand operand(Token after) {
    Token token = take();
    switch (token.kind()) {
      case NAME -> {
        names.add(new Name(token.text(), token.position()));
        return new Ref(token.text(), token.position());
      }
      case NUMBER, STRING, TRUE, FALSE -> {
        return new Lit(literal(token), token.position());
      }
      default -> {
        String where = after == null ? "" : " after '" + after.text() + "'";
        throw new ConditionSyntaxException(
            "expected a name or a value" + where + ", found " + describe(token),
            token.position(), "write an axis name, a number, 'text', true or false");
      }
    }
  }

  private Expr in(Operand left, boolean negated) {
    Token open = take();
    if (open.kind() != Kind.LBRACKET) {
      throw new ConditionSyntaxException("expected '[' after 'in', found " + describe(open),
          open.position(), "write a list of values, such as in ['a', 'b']");
    }
    List<Object> values = new ArrayList<>();
    while (peek().kind() != Kind.RBRACKET) {
      Token token = take();
      switch (token.kind()) {
        case NUMBER, STRING, TRUE, FALSE -> {
          values.add(literal(token));
          if (left instanceof Ref ref && token.kind() == Kind.STRING) {
            matches.add(new Match(ref.name(), token.text(), token.position()));
          }
        }
        case NAME -> throw new ConditionSyntaxException(
            "a list after 'in' holds values, not names", token.position(),
            "quote text values: '" + token.text() + "'");
        default -> throw new ConditionSyntaxException(
            "expected a value or ']', found " + describe(token), token.position(),
            "close the list with ']'");
      }
      if (peek().kind() == Kind.COMMA) {
        take();
      } else if (peek().kind() != Kind.RBRACKET) {
        Token bad = peek();
        throw new ConditionSyntaxException("expected ',' or ']', found " + describe(bad),
            bad.position(), "separate the values with commas and close the list with ']'");
      }
    }
    take();
    return new In(left, values, negated);
  }

  private void noteMatch(Operand axis, Operand value) {
    if (axis instanceof Ref ref && value instanceof Lit lit && lit.value() instanceof String s) {
      matches.add(new Match(ref.name(), s, lit.position()));
    }
  }

  private static Object literal(Token token) {
    return switch (token.kind()) {
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case STRING -> token.text();
      default -> {
        String n = token.text();
        if (n.matches("-?\\d+")) {
          try {
            yield Long.parseLong(n);
          } catch (NumberFormatException e) {
            yield Values.round(Double.parseDouble(n));
          }
        }
        yield Values.round(Double.parseDouble(n));
      }
    };
  }

  private static String describe(Token token) {
    return token.kind() == Kind.END ? "the end" : "'" + token.text() + "'";
  }

  // ---- evaluation

  private static Predicate<Object[]> compile(Expr expr, Map<String, Integer> slots) {
    if (expr instanceof Or or) {
      Predicate<Object[]> a = compile(or.left(), slots);
      Predicate<Object[]> b = compile(or.right(), slots);
      return v -> a.test(v) || b.test(v);
    }
    if (expr instanceof And and) {
      Predicate<Object[]> a = compile(and.left(), slots);
      Predicate<Object[]> b = compile(and.right(), slots);
      return v -> a.test(v) && b.test(v);
    }
    if (expr instanceof Not not) {
      Predicate<Object[]> a = compile(not.inner(), slots);
      return v -> !a.test(v);
    }
    if (expr instanceof Compare c) {
      Function<Object[], Object> left = getter(c.left(), slots);
      Function<Object[], Object> right = getter(c.right(), slots);
      String op = c.op();
      return v -> compare(op, left.apply(v), right.apply(v));
    }
    if (expr instanceof In in) {
      Function<Object[], Object> left = getter(in.left(), slots);
      List<Object> values = in.values();
      boolean negated = in.negated();
      return v -> {
        Object value = left.apply(v);
        if (value == ABSENT) {
          return false;
        }
        boolean found = false;
        for (Object candidate : values) {
          if (equal(value, candidate)) {
            found = true;
            break;
          }
        }
        return found != negated;
      };
    }
    Function<Object[], Object> operand = getter(((Truth) expr).operand(), slots);
    return v -> Boolean.TRUE.equals(operand.apply(v));
  }

  private static Function<Object[], Object> getter(Operand operand, Map<String, Integer> slots) {
    if (operand instanceof Lit lit) {
      Object value = lit.value();
      return v -> value;
    }
    Integer slot = slots.get(((Ref) operand).name());
    if (slot == null) {
      return v -> ABSENT;
    }
    int i = slot;
    return v -> v[i] == null ? ABSENT : v[i];
  }

  private static boolean compare(String op, Object a, Object b) {
    if (a == ABSENT || b == ABSENT) {
      return false;
    }
    switch (op) {
      case "==" -> {
        return equal(a, b);
      }
      case "!=" -> {
        return !equal(a, b);
      }
      default -> { }
    }
    int order;
    if (a instanceof Number x && b instanceof Number y) {
      order = numeric(x, y);
    } else if (a instanceof String x && b instanceof String y) {
      order = x.compareTo(y);
    } else {
      return false;
    }
    return switch (op) {
      case "<" -> order < 0;
      case "<=" -> order <= 0;
      case ">" -> order > 0;
      default -> order >= 0;
    };
  }

  private static boolean equal(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return numeric(x, y) == 0;
    }
    return Values.label(a).equals(Values.label(b));
  }

  private static int numeric(Number x, Number y) {
    if (x instanceof Long p && y instanceof Long q) {
      return Long.compare(p, q);
    }
    // Adding 0.0 turns -0.0 into 0.0, so that the two compare equal as they do in a study file.
    return Double.compare(x.doubleValue() + 0.0, y.doubleValue() + 0.0);
  }
}
