package xyz.serve;

import java.util.List;

/**
 * The shape of a view once its cells are known: the labels of the panel rows, panel columns and
 * colour levels (a trailing {@code n/a} holds cells without a value for the axis), and the
 * observables. A series is one line of one panel; its number packs row, column, colour and
 * observable so that DuckDB computes it.
 */
record Frame(List<String> rows, List<String> cols, List<String> colors, List<String> y) {
  /** The label of the level of cells that have no value for an axis. */
  static final String NONE = "n/a";

  Frame {
    rows = List.copyOf(rows);
    cols = List.copyOf(cols);
    colors = List.copyOf(colors);
    y = List.copyOf(y);
  }

  int rowOf(long series) {
    return (int) (series / ((long) y.size() * colors.size() * cols.size()));
  }

  int colOf(long series) {
    return (int) (series / ((long) y.size() * colors.size()) % cols.size());
  }

  int colorOf(long series) {
    return (int) (series / y.size() % colors.size());
  }

  int observableOf(long series) {
    return (int) (series % y.size());
  }
}
