package xyz.study;

/**
 * The grid grammar of a study after parsing: what the planner expands into cells. Its
 * implementation belongs to the study parser; the planner only asks it for cells.
 */
public interface Grid {

  /**
   * Visits every cell's parameters in plan order: methods vary slowest, then datasets, then
   * controls in declaration order; the last control varies fastest. Excluded cells are skipped.
   *
   * @param visitor receives each cell's parameters, keyed by axis name in axis order
   */
  void forEachCell(java.util.function.Consumer<java.util.Map<String, Object>> visitor);
}
