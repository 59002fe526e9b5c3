package xyz.ml.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Reads {@code penguins.csv} of the palmerpenguins package: the species is the class and the four
 * body measurements are the features. Rows where a measurement is {@code NA} are dropped, since
 * none of the methods here accepts missing values.
 */
final class PenguinsCsv {

  /** The measurement columns used as features, in this order. */
  static final List<String> FEATURES =
      List.of("bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g");

  private static final String LABEL = "species";
  private static final String MISSING = "NA";

  private PenguinsCsv() {}

  /** Reads the file; classes are the species names in alphabetical order, as R's factor has. */
  static ClassificationData read(String name, String file, BufferedReader in) throws IOException {
    String header = in.readLine();
    if (header == null) {
      throw new IllegalStateException(file + ": empty file, expected a header");
    }
    List<String> columns = List.of(header.split(",", -1));
    int labelColumn = column(file, columns, LABEL);
    int[] featureColumns = FEATURES.stream().mapToInt(f -> column(file, columns, f)).toArray();

    List<String> species = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    int line = 1;
    for (String text = in.readLine(); text != null; text = in.readLine()) {
      line++;
      if (text.isBlank()) {
        continue;
      }
      String[] cells = text.split(",", -1);
      if (cells.length != columns.size()) {
        throw new IllegalStateException(file + ":" + line + ": " + cells.length
            + " columns, the header has " + columns.size());
      }
      double[] x = measurements(file, line, cells, featureColumns);
      if (x != null) {
        species.add(cells[labelColumn]);
        rows.add(x);
      }
    }
    List<String> classes = List.copyOf(new TreeSet<>(species));
    int[] labels = species.stream().mapToInt(classes::indexOf).toArray();
    return new ClassificationData(name, FEATURES, rows.toArray(double[][]::new), labels, classes);
  }

  /** The row's measurements, or null when one of them is missing. */
  private static double[] measurements(String file, int line, String[] cells, int[] columns) {
    double[] x = new double[columns.length];
    for (int j = 0; j < columns.length; j++) {
      String text = cells[columns[j]];
      if (text.equals(MISSING)) {
        return null;
      }
      try {
        x[j] = Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw new IllegalStateException(file + ":" + line + ": column " + (columns[j] + 1)
            + " '" + text + "' is neither a number nor " + MISSING, e);
      }
    }
    return x;
  }

  private static int column(String file, List<String> columns, String name) {
    int index = columns.indexOf(name);
    if (index < 0) {
      throw new IllegalStateException(
          file + ":1: no column '" + name + "' in the header " + columns);
    }
    return index;
  }
}
