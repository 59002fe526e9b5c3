package xyz.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import xyz.plan.Cell;
import xyz.study.Values;

/**
 * Fills a command's argument template for one cell: {@code {name}} becomes the cell's value of
 * that axis (its canonical label, empty for a control the cell's method lacks), {@code {cell_id}}
 * and {@code {cell_dir}} the cell's id and folder. Each argument stays one argument whatever the
 * value holds: no shell ever sees it.
 */
final class Placeholders {
  private Placeholders() {}

  static List<String> fill(List<String> template, Cell cell, Path dir) {
    List<String> argv = new ArrayList<>(template.size());
    for (String arg : template) {
      argv.add(xyz.study.Placeholders.fill(arg, name -> value(name, cell, dir)));
    }
    return argv;
  }

  private static String value(String name, Cell cell, Path dir) {
    if (name.equals(xyz.study.Placeholders.CELL_ID)) {
      return cell.id();
    }
    if (name.equals(xyz.study.Placeholders.CELL_DIR)) {
      return dir.toAbsolutePath().toString();
    }
    Object v = cell.params().get(name);
    return v == null ? "" : Values.label(v);
  }
}
