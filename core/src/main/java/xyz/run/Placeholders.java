package xyz.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import xyz.plan.Cell;
import xyz.study.Values;

/**
 * Fills a command's argument template: {@code {name}} becomes the cell's value of that axis
 * (its canonical label), {@code {cell_id}} and {@code {cell_dir}} the cell's id and folder, and
 * {@code {{} / {}}} a literal brace. Braces around anything but a name stay as written, so inline
 * code ({@code python3 -c "d = {'a': 1}"}) needs no escaping. Each argument stays one argument
 * whatever the value holds: no shell ever sees it.
 */
final class Placeholders {
  private Placeholders() {}

  static List<String> fill(List<String> template, Cell cell, Path dir) {
    List<String> argv = new ArrayList<>(template.size());
    for (String arg : template) {
      argv.add(fill(arg, cell.params(), cell.id(), dir));
    }
    return argv;
  }

  static String fill(String arg, Map<String, Object> params, String cellId, Path dir) {
    StringBuilder out = new StringBuilder(arg.length() + 16);
    int i = 0;
    while (i < arg.length()) {
      char c = arg.charAt(i);
      if ((c == '{' || c == '}') && i + 1 < arg.length() && arg.charAt(i + 1) == c) {
        out.append(c);
        i += 2;
        continue;
      }
      int close = c == '{' ? arg.indexOf('}', i + 1) : -1;
      if (close < 0) {
        out.append(c);
        i++;
        continue;
      }
      String name = arg.substring(i + 1, close);
      if (!isName(name)) {
        out.append(c);
        i++;
        continue;
      }
      out.append(value(name, params, cellId, dir));
      i = close + 1;
    }
    return out.toString();
  }

  static boolean isName(String s) {
    if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (!(Character.isLetterOrDigit(ch) || ch == '_')) {
        return false;
      }
    }
    return true;
  }

  private static String value(String name, Map<String, Object> params, String cellId, Path dir) {
    switch (name) {
      case "cell_id":
        return cellId;
      case "cell_dir":
        return dir.toAbsolutePath().toString();
      default:
        Object v = params.get(name);
        return v == null ? "" : Values.label(v);
    }
  }
}
