package xyz.study;

import java.util.ArrayList;
import java.util.List;

/** Splits the text of a condition into tokens, each with its position. */
final class ConditionLexer {

  /** The kinds of token a condition is made of. */
  enum Kind { NAME, NUMBER, STRING, TRUE, FALSE, AND, OR, NOT, IN, OP, LPAREN, RPAREN, LBRACKET,
    RBRACKET, COMMA, END }

  /** One token: its kind, its text (a string literal without quotes) and where it starts. */
  record Token(Kind kind, String text, int position) {}

  private final String text;
  private int at;

  private ConditionLexer(String text) {
    this.text = text;
  }

  /** The tokens of a condition, ending with an END token. */
  static List<Token> tokens(String text) {
    ConditionLexer lexer = new ConditionLexer(text);
    List<Token> out = new ArrayList<>();
    Token token;
    do {
      token = lexer.next();
      out.add(token);
    } while (token.kind() != Kind.END);
    return out;
  }

  private Token next() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
    int start = at;
    if (at >= text.length()) {
      return new Token(Kind.END, "", start);
    }
    char c = text.charAt(at);
    if (Character.isLetter(c) || c == '_') {
      return word(start);
    }
    if (Character.isDigit(c) || c == '.' || (c == '-' && at + 1 < text.length()
        && (Character.isDigit(text.charAt(at + 1)) || text.charAt(at + 1) == '.'))) {
      return number(start);
    }
    if (c == '\'' || c == '"') {
      return string(start, c);
    }
    return symbol(start, c);
  }

  private Token word(int start) {
    while (at < text.length()
        && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
      at++;
    }
    String word = text.substring(start, at);
    Kind kind = switch (word) {
      case "and" -> Kind.AND;
      case "or" -> Kind.OR;
      case "not" -> Kind.NOT;
      case "in" -> Kind.IN;
      case "true" -> Kind.TRUE;
      case "false" -> Kind.FALSE;
      default -> Kind.NAME;
    };
    return new Token(kind, word, start);
  }

  private Token number(int start) {
    if (text.charAt(at) == '-') {
      at++;
    }
    while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
      at++;
    }
    if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
      at++;
      if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
        at++;
      }
      while (at < text.length() && Character.isDigit(text.charAt(at))) {
        at++;
      }
    }
    String number = text.substring(start, at);
    if (!number.matches("-?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
      throw new ConditionSyntaxException("'" + number + "' is not a number", start,
          "write numbers like 3, 0.5 or 1e-3");
    }
    return new Token(Kind.NUMBER, number, start);
  }

  private Token string(int start, char quote) {
    StringBuilder value = new StringBuilder();
    at++;
    while (at < text.length() && text.charAt(at) != quote) {
      char c = text.charAt(at);
      if (c == '\\' && at + 1 < text.length()) {
        at++;
        c = text.charAt(at);
      }
      value.append(c);
      at++;
    }
    if (at >= text.length()) {
      throw new ConditionSyntaxException("the text starting here has no closing " + quote, start,
          "end it with " + quote);
    }
    at++;
    return new Token(Kind.STRING, value.toString(), start);
  }

  private Token symbol(int start, char c) {
    char next = at + 1 < text.length() ? text.charAt(at + 1) : 0;
    String two = "" + c + next;
    switch (two) {
      case "==", "!=", "<=", ">=" -> {
        at += 2;
        return new Token(Kind.OP, two, start);
      }
      case "&&" -> throw new ConditionSyntaxException("'&&' is not an operator", start,
          "write 'and'");
      case "||" -> throw new ConditionSyntaxException("'||' is not an operator", start,
          "write 'or'");
      default -> { }
    }
    at++;
    return switch (c) {
      case '<', '>' -> new Token(Kind.OP, String.valueOf(c), start);
      case '(' -> new Token(Kind.LPAREN, "(", start);
      case ')' -> new Token(Kind.RPAREN, ")", start);
      case '[' -> new Token(Kind.LBRACKET, "[", start);
      case ']' -> new Token(Kind.RBRACKET, "]", start);
      case ',' -> new Token(Kind.COMMA, ",", start);
      case '=' -> throw new ConditionSyntaxException("'=' is not an operator", start,
          "write '==' to compare");
      case '!' -> throw new ConditionSyntaxException("'!' is not an operator", start,
          "write 'not', or '!=' to compare");
      default -> throw new ConditionSyntaxException("unexpected character '" + c + "'", start,
          "conditions use ==, !=, <, <=, >, >=, in [...], and, or, not and ( )");
    };
  }
}
