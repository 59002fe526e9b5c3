package xyz.plot;

import java.util.List;

/**
 * The shape of a figure once its cells are known: the labels of the panel rows, panel columns
 * and line levels (a trailing {@code n/a} level holds cells without a value for the axis), the
 * observables, and what x is.
 *
 * <p>A series is one line of one panel; its number packs row, column, colour level and
 * observable so that DuckDB can compute it.
 *
 * @param rowLabels one per panel row; a single empty label when there is no row axis
 * @param colLabels one per panel column; a single empty label when there is no column axis
 * @param colorLabels one per line level; a single empty label when there is no colour axis
 * @param y the observables
 * @param xLabels for an x axis of text levels, the category labels; empty otherwise
 */
record Frame(List<String> rowLabels, List<String> colLabels, List<String> colorLabels,
    List<String> y, List<String> xLabels) {

  /** The label of a level a cell has no value for. */
  static final String NONE = "n/a";

  Frame {
    rowLabels = List.copyOf(rowLabels);
    colLabels = List.copyOf(colLabels);
    colorLabels = List.copyOf(colorLabels);
    y = List.copyOf(y);
    xLabels = List.copyOf(xLabels);
  }

  int rows() {
    return rowLabels.size();
  }

  int cols() {
    return colLabels.size();
  }

  int colors() {
    return colorLabels.size();
  }

  /** How many series the figure can have. */
  int seriesCount() {
    return rows() * cols() * colors() * y.size();
  }

  /** The series number of one line. */
  int series(int row, int col, int color, int observable) {
    return ((row * cols() + col) * colors() + color) * y.size() + observable;
  }

  int rowOf(int series) {
    return series / (y.size() * colors() * cols());
  }

  int colOf(int series) {
    return series / (y.size() * colors()) % cols();
  }

  int colorOf(int series) {
    return series / y.size() % colors();
  }

  int observableOf(int series) {
    return series % y.size();
  }

  /** Whether x shows categories (an axis of text levels) rather than numbers. */
  boolean categoricalX() {
    return !xLabels.isEmpty();
  }
}
