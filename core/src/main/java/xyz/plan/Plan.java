package xyz.plan;

import java.util.AbstractList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xyz.study.Axis;
import xyz.study.Study;

/**
 * A study's grid expanded into cells, with the counts {@code xyz plan} reports.
 *
 * @param study the study planned
 * @param cells the cells to run, in plan order
 * @param gridSize the number of cells before exclusions
 * @param exclusions for each exclusion rule, in order, how many cells it left out
 */
public record Plan(Study study, List<Cell> cells, long gridSize, List<Excluded> exclusions) {

  /**
   * What one exclusion rule left out. A cell that several rules match counts for the first.
   *
   * @param where the condition as written
   * @param because the reason given, or null
   * @param cells how many cells it left out
   */
  public record Excluded(String where, String because, long cells) {}

  /** Freezes the lists; the planner's own compact list of cells is kept as it is. */
  public Plan {
    cells = cells instanceof PlannedCells ? cells : List.copyOf(cells);
    exclusions = List.copyOf(exclusions);
  }

  /**
   * The ids of the cells, in plan order, without building the cells: for checking which are
   * done.
   */
  public List<String> ids() {
    if (cells instanceof PlannedCells planned) {
      return new AbstractList<>() {
        @Override
        public String get(int index) {
          return planned.id(index);
        }

        @Override
        public int size() {
          return planned.size();
        }
      };
    }
    return cells.stream().map(Cell::id).toList();
  }

  /** The number of cells to run. */
  public int size() {
    return cells.size();
  }

  /** The number of cells left out by exclusion rules. */
  public long excluded() {
    return exclusions.stream().mapToLong(Excluded::cells).sum();
  }

  /** For each axis, in axis order, how many levels it has. */
  public Map<String, Integer> levelCounts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Axis axis : study.axes()) {
      counts.put(axis.name(), axis.levels().size());
    }
    return counts;
  }
}
