package xyz.collect;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one {@link Collector#collect collect} found and wrote.
 *
 * @param cellsByState how many cells were collected in each state ({@code done} first, then
 *     {@code failed}, {@code timeout}, {@code interrupted} and any other state the cells reported)
 * @param observationRows the rows of the {@code observations} table
 * @param badLines per cell id, in cell order, the observation lines that were left out; cells
 *     without bad lines are absent
 * @param warnings what was skipped or written as NULL, one line each, in the order found
 * @param database the DuckDB file written
 * @param cellsCsv the one-row-per-cell CSV written
 * @param observationsCsv the one-row-per-observation CSV written
 */
public record CollectReport(
    Map<String, Integer> cellsByState, long observationRows, Map<String, BadLines> badLines,
    List<String> warnings, Path database, Path cellsCsv, Path observationsCsv) {

  /** Freezes the collections, keeping their order. */
  public CollectReport {
    cellsByState = Collections.unmodifiableMap(new LinkedHashMap<>(cellsByState));
    badLines = Collections.unmodifiableMap(new LinkedHashMap<>(badLines));
    warnings = List.copyOf(warnings);
  }

  /** How many cells were collected, in all states. */
  public int cells() {
    return cellsByState.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** How many observation lines were left out, over all cells. */
  public long badLineCount() {
    return badLines.values().stream().mapToLong(BadLines::count).sum();
  }

  /**
   * One or two lines for a person: what was collected and where, then bad lines and warnings
   * when there are any. Numbers use {@link Locale#ROOT}.
   */
  public String summary() {
    String states = cellsByState.entrySet().stream()
        .map(e -> number(e.getValue()) + " " + e.getKey())
        .collect(Collectors.joining(", "));
    StringBuilder s = new StringBuilder();
    s.append("collected ").append(number(cells())).append(cells() == 1 ? " cell" : " cells");
    if (!states.isEmpty()) {
      s.append(" (").append(states).append(')');
    }
    s.append(" and ").append(number(observationRows))
        .append(observationRows == 1 ? " observation" : " observations")
        .append(" into ").append(database).append(", ").append(cellsCsv.getFileName())
        .append(", ").append(observationsCsv.getFileName());
    long bad = badLineCount();
    if (bad > 0 || !warnings.isEmpty()) {
      s.append(System.lineSeparator());
      if (bad > 0) {
        s.append(number(bad)).append(bad == 1 ? " bad observation line" : " bad observation lines")
            .append(" left out, in ").append(number(badLines.size()))
            .append(badLines.size() == 1 ? " cell" : " cells");
      }
      if (!warnings.isEmpty()) {
        s.append(bad > 0 ? "; " : "").append(number(warnings.size()))
            .append(warnings.size() == 1 ? " warning" : " warnings");
      }
    }
    return s.toString();
  }

  /**
   * What a user should look at, one line each: the cells with bad observation lines (at most
   * {@code cells} of them, with their first reasons), then every warning.
   */
  public List<String> details(int cells) {
    List<String> out = new java.util.ArrayList<>();
    int shown = 0;
    for (Map.Entry<String, BadLines> e : badLines.entrySet()) {
      if (shown++ == cells) {
        out.add("... and " + (badLines.size() - cells) + " more cells with bad observation lines");
        break;
      }
      BadLines b = e.getValue();
      out.add("cell " + e.getKey() + ": " + number(b.count())
          + (b.count() == 1 ? " bad observation line" : " bad observation lines") + " left out ("
          + String.join("; ", b.reasons()) + ")");
    }
    out.addAll(warnings);
    return out;
  }

  private static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
