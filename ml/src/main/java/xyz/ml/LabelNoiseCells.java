package xyz.ml;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import xyz.UserError;

/**
 * Reads the rows {@link LabelNoiseFindings} checks from a collected {@code cells.csv}: one row
 * per cell, with columns {@code method, dataset, p, seed, train_acc, test_acc} among others. An
 * empty accuracy (a cell that failed) is read as NaN, so that the findings report it.
 */
public final class LabelNoiseCells {

  private static final List<String> COLUMNS =
      List.of("method", "dataset", "p", "seed", "train_acc", "test_acc");
  private static final String COLLECT = "write it again with `xyz collect` on the study";

  private LabelNoiseCells() {}

  /**
   * The rows of the file, in its order.
   *
   * @throws UserError when the file is missing, lacks a column, or holds a value of the wrong kind
   */
  public static List<LabelNoiseFindings.Row> read(Path cellsCsv) throws IOException {
    try (Reader in = Files.newBufferedReader(cellsCsv, StandardCharsets.UTF_8);
        CSVReader csv = new CSVReader(in)) {
      String[] header = csv.readNext();
      if (header == null) {
        throw new UserError(cellsCsv + ": the file is empty, with no header\n  fix: " + COLLECT
            + "; its header names " + String.join(", ", COLUMNS) + " among others");
      }
      int[] at = new int[COLUMNS.size()];
      List<String> names = Arrays.asList(header);
      for (int k = 0; k < at.length; k++) {
        at[k] = names.indexOf(COLUMNS.get(k));
        if (at[k] < 0) {
          throw new UserError(cellsCsv + ":1: no column '" + COLUMNS.get(k) + "' in the header ("
              + String.join(", ", names) + ")\n  fix: give the cells.csv of a label-noise study,"
              + " as `xyz collect` writes it");
        }
      }
      List<LabelNoiseFindings.Row> rows = new ArrayList<>();
      for (String[] cells = csv.readNext(); cells != null; cells = csv.readNext()) {
        rows.add(row(new Line(cellsCsv, csv.getLinesRead(), header, cells), at));
      }
      return rows;
    } catch (NoSuchFileException e) {
      throw new UserError(cellsCsv + ": no such file\n  fix: run `xyz collect` on the study"
          + " first", e);
    } catch (CsvException e) {
      throw new UserError(cellsCsv + ":" + e.getLineNumber() + ": not valid CSV: "
          + e.getMessage() + "\n  fix: " + COLLECT, e);
    }
  }

  private static LabelNoiseFindings.Row row(Line line, int[] at) {
    return new LabelNoiseFindings.Row(line.text(at[0]), line.text(at[1]), line.number(at[2]),
        line.integer(at[3]), line.numberOrNaN(at[4]), line.numberOrNaN(at[5]));
  }

  /** One record of the file, with where it lies for error messages. */
  private record Line(Path file, long number, String[] header, String[] cells) {

    String text(int column) {
      if (column >= cells.length) {
        throw new UserError(file + ":" + number + ": the row has " + cells.length
            + " fields, so no '" + header[column] + "' (column " + (column + 1) + ")"
            + "\n  fix: give the row " + header.length + " fields, as the header has, or "
            + COLLECT);
      }
      return cells[column];
    }

    double numberOrNaN(int column) {
      return text(column).isEmpty() ? Double.NaN : number(column);
    }

    double number(int column) {
      String value = text(column);
      try {
        return Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw wrongKind(column, value, "a number", e);
      }
    }

    long integer(int column) {
      String value = text(column);
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw wrongKind(column, value, "an integer", e);
      }
    }

    private UserError wrongKind(int column, String value, String kind, Exception cause) {
      return new UserError(file + ":" + number + ": column " + (column + 1) + " ('"
          + header[column] + "') is '" + value + "', not " + kind
          + "\n  fix: write " + kind + " there, or " + COLLECT, cause);
    }
  }
}
