package xyz.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import xyz.study.Axis;
import xyz.study.Study;
import xyz.study.StudyGrid;
import xyz.study.Values;

/** What {@code xyz plan} shows of a plan, and the {@code plan.json} it leaves behind. */
public final class PlanReport {
  /** How an absent parameter (a control of another method) shows in the preview. */
  static final String ABSENT = "-";

  private PlanReport() {}

  /**
   * The plan as text: the cell count as a product of axis sizes, what was excluded, a preview
   * of the first cells, and how many are done.
   *
   * @param plan the plan
   * @param isDone whether the cell of an id has already run to the end
   * @param previewRows how many cells to preview; 0 for none
   * @return the text, ending with a line feed
   */
  public static String render(Plan plan, Predicate<String> isDone, int previewRows) {
    StringBuilder out = new StringBuilder();
    out.append("study ").append(plan.study().name()).append(": ").append(count(plan.size()))
        .append(plan.size() == 1 ? " cell" : " cells");
    String product = product(plan);
    if (!product.isEmpty()) {
      out.append(" = ").append(product);
    }
    if (plan.excluded() > 0) {
      out.append(" - ").append(count(plan.excluded())).append(" excluded");
    }
    out.append('\n');
    exclusions(plan, out);
    if (previewRows > 0 && plan.size() > 0) {
      out.append('\n');
      preview(plan, previewRows, out);
    }
    long done = plan.ids().stream().filter(isDone).count();
    out.append('\n').append("done: ").append(count(done)).append(" of ")
        .append(count(plan.size())).append(", to run: ").append(count(plan.size() - done))
        .append('\n');
    return out.toString();
  }

  /**
   * Writes {@code plan.json}: the study's name, the experiment's identity, the axes (name, role,
   * levels, replicate, methods) and the cells (id, index, params). The file is written beside
   * its final place and moved there, so a reader never sees half of it.
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  /** Writes the same JSON to a stream (flushed, not closed), such as standard output. */
  public static void writePlanJson(Plan plan, java.io.OutputStream out) {
    try {
      PlanJson.write(plan, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the plan", e);
    }
  }

  public static void writePlanJson(Plan plan, Path file) {
    try {
      PlanJson.write(plan, file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** {@code 6 method x 5 dataset x 6 p x 3 seed (replicate)}, summed over method groups. */
  static String product(Plan plan) {
    Study study = plan.study();
    if (!(study.grid() instanceof StudyGrid grid)) {
      return "";
    }
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (StudyGrid.Branch branch : grid.branches()) {
      StringBuilder factors = new StringBuilder();
      for (StudyGrid.Factor f : branch.factors()) {
        factors.append(" x ").append(factor(study, grid, f));
      }
      groups.computeIfAbsent(factors.toString(), k -> new ArrayList<>()).add(branch.method());
    }
    List<String> terms = new ArrayList<>();
    for (Map.Entry<String, List<String>> group : groups.entrySet()) {
      List<String> methods = group.getValue();
      String head;
      if (groups.size() == 1) {
        head = methods.size() + " method";
      } else if (methods.size() == 1) {
        head = methods.get(0);
      } else {
        head = methods.size() + " method (" + String.join(", ", methods) + ")";
      }
      terms.add(head + group.getKey());
    }
    return String.join(" + ", terms);
  }

  private static String factor(Study study, StudyGrid grid, StudyGrid.Factor f) {
    String axes = String.join(", ", f.axes());
    switch (f.kind()) {
      case ZIP -> {
        return f.size() + " (" + axes + " zipped)";
      }
      case DRAWS -> {
        int n = grid.draws().map(StudyGrid.Draws::n).orElse(f.size());
        String draws = f.size() == n ? " draws" : " distinct draws of " + n;
        return f.size() + draws + " (" + axes + ")";
      }
      default -> {
        String name = f.axes().get(0);
        boolean replicate = study.axis(name).map(Axis::replicate).orElse(false);
        return f.size() + " " + name + (replicate ? " (replicate)" : "");
      }
    }
  }

  private static void exclusions(Plan plan, StringBuilder out) {
    if (plan.exclusions().isEmpty()) {
      return;
    }
    out.append("excluded:\n");
    int width = 0;
    for (Plan.Excluded e : plan.exclusions()) {
      width = Math.max(width, count(e.cells()).length());
    }
    for (Plan.Excluded e : plan.exclusions()) {
      out.append("  ").append(pad(count(e.cells()), width, true)).append("  ").append(e.where());
      if (e.because() != null) {
        out.append("  (").append(e.because()).append(')');
      }
      out.append('\n');
    }
  }

  private static void preview(Plan plan, int rows, StringBuilder out) {
    List<Axis> axes = plan.study().axes();
    int shown = Math.min(rows, plan.size());
    String[][] table = new String[shown + 1][axes.size() + 1];
    table[0][0] = "cell";
    for (int j = 0; j < axes.size(); j++) {
      table[0][j + 1] = axes.get(j).name();
    }
    for (int i = 0; i < shown; i++) {
      Cell cell = plan.cells().get(i);
      table[i + 1][0] = cell.id();
      for (int j = 0; j < axes.size(); j++) {
        Object value = cell.params().get(axes.get(j).name());
        table[i + 1][j + 1] = value == null ? ABSENT : Values.label(value);
      }
    }
    int[] widths = new int[axes.size() + 1];
    for (String[] row : table) {
      for (int j = 0; j < row.length; j++) {
        widths[j] = Math.max(widths[j], row[j].length());
      }
    }
    for (int i = 0; i < table.length; i++) {
      StringBuilder line = new StringBuilder();
      for (int j = 0; j < table[i].length; j++) {
        boolean right = j > 0 && axes.get(j - 1).numeric();
        line.append(j == 0 ? "" : "  ").append(pad(table[i][j], widths[j], right));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    if (plan.size() > shown) {
      out.append("... ").append(count(plan.size() - shown)).append(" more\n");
    }
  }

  private static String pad(String text, int width, boolean right) {
    String space = " ".repeat(Math.max(0, width - text.length()));
    return right ? space + text : text + space;
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%d", n);
  }
}
