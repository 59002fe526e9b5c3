package xyz.collect;

import java.nio.file.Path;

/**
 * One collected cell: what its params.json, status.json and provenance.json say, converted to
 * column values, and, once its observations are read, its final values and bad line count.
 */
final class CellRecord {
  final String id;
  final Path dir;
  /** The cell's position in plan order, or null when params.json did not say. */
  final Integer index;
  /** Per axis column, in axis order: the value or null. */
  final Object[] axisValues;
  /** Per {@link Field}, by ordinal: the value or null. */
  final Object[] fields;

  /** The global numbers of the observables with a final value, and those values. */
  int[] finalObservables = new int[0];
  double[] finalValues = new double[0];

  CellRecord(String id, Path dir, Integer index, Object[] axisValues, Object[] fields) {
    this.id = id;
    this.dir = dir;
    this.index = index;
    this.axisValues = axisValues;
    this.fields = fields;
  }

  /** The same cell at its position in the current plan (the folder's may be from an older one). */
  CellRecord at(int planIndex) {
    return new CellRecord(id, dir, planIndex, axisValues, fields);
  }

  /** The cell's state from status.json. */
  String state() {
    return (String) fields[Field.STATE.ordinal()];
  }
}
