package xyz.study;

import java.util.List;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/** The rules for the names of axes and observables, which become columns and placeholders. */
final class AxisNames {
  /** A name: a letter or underscore, then letters, digits or underscores. */
  static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /**
   * Names taken by the results: the columns of the cells and observations tables that are not
   * axes or observables (see the results layout), and the command placeholders for the cell.
   */
  static final List<String> RESERVED = List.of("cell_id", "cell_index", "cell_dir", "step",
      "seq", "observable", "value", "state", "exit_code", "signal", "attempt", "started",
      "ended", "seconds", "host", "user", "git_commit", "git_dirty", "jvm", "os", "cpus",
      "command_line", "error", "bad_observation_lines", "observation_rows", "missing_steps",
      "decreasing_steps");

  private AxisNames() {}

  /**
   * Files a problem when {@code name} cannot name an axis or observable.
   *
   * @param what "control" or "observable", for the message
   * @return whether the name is fine
   */
  static boolean check(String name, String what, Problems problems, Node at, String path) {
    if (!IDENTIFIER.matcher(name).matches()) {
      String fixed = name.replaceAll("[^A-Za-z0-9_]", "_");
      fixed = Character.isDigit(fixed.isEmpty() ? '0' : fixed.charAt(0)) ? "_" + fixed : fixed;
      problems.at(at, path).message("'" + name + "' cannot name " + article(what) + what)
          .found(name).fix("use letters, digits and _, not starting with a digit, such as '"
              + fixed + "'").add();
      return false;
    }
    if (name.equals("method") || name.equals("dataset")) {
      problems.at(at, path)
          .message("'" + name + "' is the name of the " + name + " axis; " + article(what) + what
              + " needs another name")
          .found(name).fix("rename it, such as '" + name + "_variant'").add();
      return false;
    }
    if (RESERVED.contains(name)) {
      problems.at(at, path)
          .message("'" + name + "' is reserved: the results use it for a column of their own")
          .found(name).valid(List.of()).fix("rename it, such as 'my_" + name + "'").add();
      return false;
    }
    return true;
  }

  private static String article(String what) {
    return what.startsWith("o") ? "an " : "a ";
  }
}
