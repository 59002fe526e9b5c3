package xyz.plot;

import java.util.List;
import java.util.Map;
import xyz.study.Axis;

/**
 * A figure's request checked against its study: which axis goes where, which levels are kept,
 * and which axes are averaged over.
 *
 * @param where the study file and figure, to begin error messages with
 * @param rows the axis of the panel rows, or null for one row
 * @param cols the axis of the panel columns, or null for one column
 * @param color the axis whose levels are the lines, or null
 * @param x the axis along x, or null when x is the observation step
 * @param y the observables drawn, in order
 * @param averaged the axes a line averages over: replicates and every axis not placed
 * @param kept per axis name, the indices of the levels the filter keeps, in declaration order
 * @param band none, sd, se or ci95
 * @param scales shared, rows, cols or free
 * @param logX whether x is logarithmic
 * @param logY whether y is logarithmic
 */
record Placement(
    String where, Axis rows, Axis cols, Axis color, Axis x, List<String> y, List<Axis> averaged,
    Map<String, List<Integer>> kept, String band, String scales, boolean logX, boolean logY) {

  Placement {
    y = List.copyOf(y);
    averaged = List.copyOf(averaged);
    kept = Map.copyOf(kept);
  }

  /** Whether x is the observation step rather than an axis. */
  boolean xIsStep() {
    return x == null;
  }

  /** The kept level indices of an axis of the study. */
  List<Integer> keptOf(Axis axis) {
    return kept.get(axis.name());
  }

  /** The labels of the kept levels of an axis, in declaration order. */
  List<String> keptLabels(Axis axis) {
    List<String> labels = axis.labels();
    return keptOf(axis).stream().map(labels::get).toList();
  }
}
