package xyz.nn;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What a run of the neural-collapse study must show, written as checks on its collected results:
 * the terminal phase of training begins (zero training error), the classifier then comes to
 * decide as the nearest class centre for good (NCC mismatch on the training images reaches 0
 * and stays there), and self-duality falls at least threefold from the onset to the end.
 *
 * <p>"For good" means at every measured epoch from some point on, and that point comes by two
 * thirds of training, so the zeros span at least the whole last third: NC4 is a limit that the
 * mismatch approaches during the terminal phase (PNAS 2020, Fig. 7), not a value it has at its
 * onset.
 */
public final class NeuralCollapseFindings {

  /** How much self-duality must fall, from the onset of zero training error to the end. */
  public static final double SELF_DUALITY_FALL = 3;

  private NeuralCollapseFindings() {}

  /**
   * One cell's curves, as the checks read them.
   *
   * @param label how messages name the cell, such as {@code mlp3 on mnist, lr 0.02}
   * @param tptEpoch the first epoch of zero training error, NaN if none
   * @param nccMismatch train NCC mismatch by epoch
   * @param selfDuality train self-duality by epoch
   */
  public record Run(String label, double tptEpoch, NavigableMap<Long, Double> nccMismatch,
      NavigableMap<Long, Double> selfDuality) {}

  /** Every way the runs fail to show neural collapse; empty when they all show it. */
  public static List<String> violations(List<Run> runs) {
    List<String> out = new ArrayList<>();
    for (Run run : runs) {
      out.addAll(violations(run));
    }
    return out;
  }

  private static List<String> violations(Run run) {
    List<String> out = new ArrayList<>();
    if (!Double.isFinite(run.tptEpoch())) {
      out.add(run.label() + ": the training error never reached 0");
      return out;
    }
    if (run.nccMismatch().isEmpty() || run.selfDuality().isEmpty()) {
      out.add(run.label() + ": no NCC mismatch or self-duality was measured");
      return out;
    }
    long onset = (long) run.tptEpoch();
    long last = run.nccMismatch().lastKey();
    Long zeroFrom = null;
    for (Map.Entry<Long, Double> e : run.nccMismatch().tailMap(onset, true).descendingMap()
        .entrySet()) {
      if (e.getValue() != 0) {
        break;
      }
      zeroFrom = e.getKey();
    }
    if (zeroFrom == null) {
      out.add(String.format(Locale.ROOT, "%s: the train NCC mismatch is %s at the end"
          + " (epoch %d), not 0", run.label(), brief(run.nccMismatch().get(last)), last));
    } else if (3 * zeroFrom > 2 * last) {
      out.add(String.format(Locale.ROOT, "%s: the train NCC mismatch is 0 only from epoch %d"
          + " of %d on; it should be 0 for good by two thirds of training", run.label(),
          zeroFrom, last));
    }
    Double atOnset = run.selfDuality().get(onset);
    double atEnd = run.selfDuality().get(run.selfDuality().lastKey());
    if (atOnset == null) {
      out.add(run.label() + ": self-duality was not measured at epoch " + onset
          + ", the onset of zero training error");
    } else if (!(atOnset >= SELF_DUALITY_FALL * atEnd)) {
      out.add(String.format(Locale.ROOT, "%s: self-duality fell only %.2fx, from %s at epoch"
          + " %d (zero training error) to %s at epoch %d; expected at least %.0fx",
          run.label(), atOnset / atEnd, brief(atOnset), onset, brief(atEnd),
          run.selfDuality().lastKey(), SELF_DUALITY_FALL));
    }
    return out;
  }

  /** Four significant digits at most, without trailing zeros: 0.002, 0.4651. */
  private static String brief(double v) {
    if (!Double.isFinite(v)) {
      return xyz.study.Values.label(v);
    }
    return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }

  /**
   * Reads the runs of one dataset and the methods whose names start with {@code methodPrefix}
   * from a collected {@code results.duckdb}, one run per cell.
   */
  public static List<Run> read(Path database, String methodPrefix, String dataset)
      throws SQLException {
    Properties readOnly = new Properties();
    readOnly.setProperty("duckdb.read_only", "true");
    Map<String, String> labels = new LinkedHashMap<>();
    Map<String, Double> tpt = new LinkedHashMap<>();
    Map<String, TreeMap<Long, Double>> ncc = new LinkedHashMap<>();
    Map<String, TreeMap<Long, Double>> duality = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + database, readOnly);
        Statement s = c.createStatement()) {
      String where = " WHERE c.method LIKE '" + methodPrefix.replace("'", "''")
          + "%' AND c.dataset = '" + dataset.replace("'", "''") + "'";
      try (ResultSet r = s.executeQuery("SELECT c.cell_id, c.method, c.dataset, c.lr,"
          + " c.tpt_epoch FROM cells c" + where + " ORDER BY c.cell_index")) {
        while (r.next()) {
          String id = r.getString(1);
          labels.put(id, r.getString(2) + " on " + r.getString(3) + ", lr "
              + xyz.study.Values.label(r.getDouble(4)));
          double onset = r.getDouble(5);
          tpt.put(id, r.wasNull() ? Double.NaN : onset);
          ncc.put(id, new TreeMap<>());
          duality.put(id, new TreeMap<>());
        }
      }
      try (ResultSet r = s.executeQuery("SELECT o.cell_id, o.observable, o.step, o.value"
          + " FROM observations o JOIN cells c USING (cell_id)" + where
          + " AND o.observable IN ('train_ncc_mismatch', 'train_self_duality')"
          + " AND o.step IS NOT NULL")) {
        while (r.next()) {
          Map<String, TreeMap<Long, Double>> series =
              r.getString(2).equals("train_ncc_mismatch") ? ncc : duality;
          series.get(r.getString(1)).put(r.getLong(3), r.getDouble(4));
        }
      }
    }
    List<Run> runs = new ArrayList<>();
    for (String id : labels.keySet()) {
      runs.add(new Run(labels.get(id), tpt.get(id), ncc.get(id), duality.get(id)));
    }
    return runs;
  }
}
