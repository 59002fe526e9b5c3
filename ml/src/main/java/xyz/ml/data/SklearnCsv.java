package xyz.ml.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CSV files scikit-learn ships for its small datasets: numeric features, then the
 * integer class label in the last column.
 *
 * <p>Most of them open with a header {@code n_samples,n_features,class_0,class_1,...}; the digits
 * file has no header at all, so its shape and class names are given by the caller.
 */
final class SklearnCsv {

  private SklearnCsv() {}

  /** Reads a file that opens with the {@code n_samples,n_features,<class names>} header. */
  static ClassificationData readWithHeader(String name, String file, BufferedReader in)
      throws IOException {
    String header = in.readLine();
    if (header == null) {
      throw new IllegalStateException(file + ": empty file, expected a header");
    }
    String[] parts = header.split(",", -1);
    if (parts.length < 3) {
      throw new IllegalStateException(file + ":1: header '" + header
          + "' should be n_samples,n_features,<class names>");
    }
    int rows = parseCount(file, 1, 1, parts[0]);
    int features = parseCount(file, 1, 2, parts[1]);
    List<String> classes = List.of(parts).subList(2, parts.length);
    return readRows(name, file, in, 2, rows, features, classes);
  }

  /** Reads a file without a header, whose shape and classes the caller knows. */
  static ClassificationData readHeaderless(
      String name, String file, BufferedReader in, int rows, int features, List<String> classes)
      throws IOException {
    return readRows(name, file, in, 1, rows, features, classes);
  }

  private static ClassificationData readRows(String name, String file, BufferedReader in,
      int firstLine, int rows, int features, List<String> classes) throws IOException {
    double[][] x = new double[rows][];
    int[] y = new int[rows];
    int line = firstLine;
    int row = 0;
    for (String text = in.readLine(); text != null; text = in.readLine(), line++) {
      if (text.isBlank()) {
        continue;
      }
      if (row == rows) {
        throw new IllegalStateException(file + ":" + line + ": more than the " + rows
            + " rows the header announces");
      }
      String[] cells = text.split(",", -1);
      if (cells.length != features + 1) {
        throw new IllegalStateException(file + ":" + line + ": " + cells.length
            + " columns, expected " + (features + 1) + " (features, then the label)");
      }
      x[row] = new double[features];
      for (int j = 0; j < features; j++) {
        x[row][j] = parseNumber(file, line, j + 1, cells[j]);
      }
      y[row] = parseLabel(file, line, features + 1, cells[features], classes.size());
      row++;
    }
    if (row != rows) {
      throw new IllegalStateException(file + ": " + row + " rows, the header announces " + rows);
    }
    return new ClassificationData(name, featureNames(features), x, y, classes);
  }

  private static List<String> featureNames(int features) {
    List<String> names = new ArrayList<>(features);
    int digits = String.valueOf(features - 1).length();
    for (int j = 0; j < features; j++) {
      names.add("f" + "0".repeat(digits - String.valueOf(j).length()) + j);
    }
    return names;
  }

  private static int parseCount(String file, int line, int column, String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalStateException(
          file + ":" + line + ": column " + column + " '" + text + "' is not a count", e);
    }
  }

  private static double parseNumber(String file, int line, int column, String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalStateException(
          file + ":" + line + ": column " + column + " '" + text + "' is not a number", e);
    }
  }

  private static int parseLabel(String file, int line, int column, String text, int classes) {
    // Labels are written as integers, though some files write them as 0.0, 1.0, ...
    double value = parseNumber(file, line, column, text);
    int label = (int) value;
    if (label != value || label < 0 || label >= classes) {
      throw new IllegalStateException(file + ":" + line + ": column " + column + " label '"
          + text + "' is not a class index from 0 to " + (classes - 1));
    }
    return label;
  }
}
