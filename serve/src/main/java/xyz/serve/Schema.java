package xyz.serve;

import java.util.List;
import java.util.Map;

/**
 * What the open results database holds: the DuckDB type of each column of its cells table,
 * the observables, and whether any observation has a step.
 *
 * @param cellColumns column name to DuckDB type
 * @param observables the declared observables, then the others the cells recorded
 * @param steps whether the observations table has rows with a step
 */
record Schema(Map<String, String> cellColumns, List<String> observables, boolean steps) {
  Schema {
    cellColumns = Map.copyOf(cellColumns);
    observables = List.copyOf(observables);
  }

  /** The DuckDB type of a cells column, or null where the table has none. */
  String type(String column) {
    return cellColumns.get(column);
  }
}
