package xyz.cli;

import java.util.List;
import xyz.UserError;
import xyz.study.Suggestions;

/** Checks a flag's value against its valid choices, suggesting the nearest ones. */
final class Choices {
  private Choices() {}

  static String check(String flag, String value, List<String> valid) {
    if (valid.contains(value)) {
      return value;
    }
    List<String> near = Suggestions.nearest(value, valid);
    throw new UserError(flag + ": '" + value + "' is not one of the choices"
        + Suggestions.hint(value, valid)
        + "\n  fix: " + flag + " " + (near.isEmpty() ? valid.get(0) : near.get(0)));
  }
}
