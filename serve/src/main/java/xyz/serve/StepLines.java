package xyz.serve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The lines of a view over steps, aggregated and thinned from {@link StepColumns}: the same rows,
 * in the same order, as the SQL of {@link ViewQuery} computes in DuckDB (see there for what a
 * mean, a band and thinning are), in two passes over the observations the view shows.
 *
 * <p>The first pass counts each line's points and finds its extent in x, which fix how many
 * slices of x each line gets; the second computes a line's points (the mean, band and count at
 * each step, or the observations as they are) and writes them, or the lowest and highest point
 * of each slice, before it goes on to the next line.
 */
final class StepLines {
  /** Receives the rows, in line and x order. */
  interface Sink {
    void row(long series, long unit, double x, double m, double lo, double hi, long n,
        boolean thin);
  }

  /** The rows of one cell and one observable, placed on one line. */
  private record Run(long series, long unit, int start, int end) {}

  private final StepColumns columns;
  private final boolean lines;
  private final boolean logX;
  private final boolean logY;
  private final String band;
  private final long budget;
  /** The lowest rank a log x axis can show: steps are sorted, so the rest are above zero. */
  private final int firstRank;

  // Scratch space for the points of one line, reused from line to line.
  private int[] xr = new int[256];
  private double[] m = new double[256];
  private double[] hw = new double[256];
  private long[] n = new long[256];
  private double[] sum = new double[256];
  private double[] mean = new double[256];
  private double[] m2 = new double[256];
  private long[] count = new long[256];
  private long[] keys = new long[256];
  private int[] seen;
  private int stamp;

  StepLines(StepColumns columns, View view) {
    this.columns = columns;
    this.lines = view.mode().equals("lines");
    this.logX = view.logX();
    this.logY = view.logY();
    this.band = lines ? "none" : view.band();
    this.budget = view.maxPoints();
    int first = 0;
    if (logX) {
      while (first < columns.stepCount() && columns.step(first) <= 0) {
        first++;
      }
    }
    this.firstRank = first;
  }

  /** One cell the view shows: where its observations go. */
  record Place(int cell, long base, long unit) {}

  /**
   * Writes the rows of every line into {@code sink}.
   *
   * @param places the cells the view shows, with {@link StepColumns#cell} positions
   * @param y the codes of the view's observables, -1 for one without observations over steps
   */
  void write(List<Place> places, int[] y, Sink sink) {
    List<Run> runs = new ArrayList<>();
    for (Place p : places) {
      for (int i = 0; i < y.length; i++) {
        if (p.cell() < 0 || y[i] < 0) {
          continue;
        }
        int start = columns.runStart(p.cell(), y[i]);
        int end = columns.runEnd(p.cell(), y[i]);
        if (end > start) {
          runs.add(new Run(p.base() + i, p.unit(), start, end));
        }
      }
    }
    runs.sort(Comparator.comparingLong(Run::series).thenComparingLong(Run::unit));
    List<List<Run>> grouped = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      Run r = runs.get(i);
      if (i == 0 || r.series() != runs.get(i - 1).series() || r.unit() != runs.get(i - 1).unit()) {
        grouped.add(new ArrayList<>());
      }
      grouped.get(grouped.size() - 1).add(r);
    }
    long total = 0;
    long shown = 0;
    int[] points = new int[grouped.size()];
    for (int i = 0; i < grouped.size(); i++) {
      points[i] = count(grouped.get(i));
      total += points[i];
      shown += points[i] > 0 ? 1 : 0;
    }
    long buckets = total <= budget ? 0 : Math.max(1, budget / (2 * shown));
    for (int i = 0; i < grouped.size(); i++) {
      if (points[i] > 0) {
        List<Run> line = grouped.get(i);
        int size = points(line);
        emit(line.get(0).series(), line.get(0).unit(), size, buckets, sink);
      }
    }
  }

  private boolean kept(int row) {
    return columns.rank(row) >= firstRank && (!logY || columns.value(row) > 0);
  }

  /** The number of points of a line: its observations, or the distinct steps among them. */
  private int count(List<Run> line) {
    int points = 0;
    if (lines || line.size() == 1) {
      for (Run r : line) {
        int last = -1;
        for (int row = r.start(); row < r.end(); row++) {
          if (kept(row) && (lines || columns.rank(row) != last)) {
            points++;
            last = columns.rank(row);
          }
        }
      }
      return points;
    }
    if (seen == null) {
      seen = new int[columns.stepCount()];
    }
    if (++stamp == 0) {
      Arrays.fill(seen, 0);
      stamp = 1;
    }
    for (Run r : line) {
      for (int row = r.start(); row < r.end(); row++) {
        if (kept(row) && seen[columns.rank(row)] != stamp) {
          seen[columns.rank(row)] = stamp;
          points++;
        }
      }
    }
    return points;
  }

  /** Computes a line's points into the scratch arrays, in x order; returns how many. */
  private int points(List<Run> line) {
    int rows = 0;
    for (Run r : line) {
      rows += r.end() - r.start();
    }
    grow(rows);
    if (line.size() == 1) {
      Run r = line.get(0);
      return lines ? copy(r) : aggregateRun(r);
    }
    int size = 0;
    for (Run r : line) {
      for (int row = r.start(); row < r.end(); row++) {
        if (kept(row)) {
          // A rank and a row in one long: sorting them sorts by step, then by row.
          keys[size++] = (long) columns.rank(row) << 32 | row;
        }
      }
    }
    Arrays.sort(keys, 0, size);
    if (lines) {
      for (int i = 0; i < size; i++) {
        int row = (int) keys[i];
        xr[i] = columns.rank(row);
        m[i] = columns.value(row);
        hw[i] = 0.0;
        n[i] = 1;
      }
      return size;
    }
    int points = 0;
    for (int i = 0; i < size; i++) {
      int row = (int) keys[i];
      points = pointAt(points, columns.rank(row));
      add(points - 1, columns.value(row));
    }
    finish(points);
    return points;
  }

  private int copy(Run r) {
    int size = 0;
    for (int row = r.start(); row < r.end(); row++) {
      if (kept(row)) {
        xr[size] = columns.rank(row);
        m[size] = columns.value(row);
        hw[size] = 0.0;
        n[size] = 1;
        size++;
      }
    }
    return size;
  }

  private int aggregateRun(Run r) {
    int points = 0;
    for (int row = r.start(); row < r.end(); row++) {
      if (!kept(row)) {
        continue;
      }
      points = pointAt(points, columns.rank(row));
      add(points - 1, columns.value(row));
    }
    finish(points);
    return points;
  }

  /** Starts an empty point at {@code rank} unless the last one is there; the new point count. */
  private int pointAt(int points, int rank) {
    if (points > 0 && xr[points - 1] == rank) {
      return points;
    }
    xr[points] = rank;
    sum[points] = 0;
    mean[points] = 0;
    m2[points] = 0;
    count[points] = 0;
    return points + 1;
  }

  /** Adds a value to a point's sum and, as DuckDB's stddev_samp does, to Welford's sums. */
  private void add(int p, double v) {
    sum[p] += v;
    count[p]++;
    double differential = (v - mean[p]) / count[p];
    double next = mean[p] + differential;
    m2[p] += (v - next) * (v - mean[p]);
    mean[p] = next;
  }

  private void finish(int points) {
    for (int p = 0; p < points; p++) {
      long c = count[p];
      double sd = c > 1 ? Math.sqrt(m2[p] / (c - 1)) : 0.0;
      m[p] = sum[p] / c;
      n[p] = c;
      hw[p] = switch (band) {
        case "sd" -> sd;
        case "se" -> sd / Math.sqrt(c);
        case "ci95" -> ViewQuery.t975(c) * sd / Math.sqrt(c);
        default -> 0.0;
      };
    }
  }

  private double position(int rank) {
    long x = columns.step(rank);
    return logX ? Math.log(x) : x;
  }

  /** Writes a line's points, or, for a thinned line, the extremes of each slice of x. */
  private void emit(long series, long unit, int size, long buckets, Sink sink) {
    double x0 = position(xr[0]);
    double x1 = position(xr[size - 1]);
    if (!(buckets > 0 && size > 2 * buckets && x1 > x0)) {
      for (int i = 0; i < size; i++) {
        sink.row(series, unit, columns.step(xr[i]), m[i], m[i] - hw[i], m[i] + hw[i], n[i],
            false);
      }
      return;
    }
    long s0 = columns.step(xr[0]);
    long s1 = columns.step(xr[size - 1]);
    int i = 0;
    while (i < size) {
      long slice = slice(xr[i], x0, x1, s0, s1, buckets);
      int low = i;
      int high = i;
      double lo = m[i] - hw[i];
      double hi = m[i] + hw[i];
      int j = i + 1;
      while (j < size && slice(xr[j], x0, x1, s0, s1, buckets) == slice) {
        if (m[j] < m[low]) {
          low = j;
        }
        if (m[j] > m[high]) {
          high = j;
        }
        lo = min(lo, m[j] - hw[j]);
        hi = max(hi, m[j] + hw[j]);
        j++;
      }
      int first = Math.min(low, high);
      int last = Math.max(low, high);
      sink.row(series, unit, columns.step(xr[first]), m[first], lo, hi, n[first], true);
      sink.row(series, unit, columns.step(xr[last]), m[last], lo, hi, n[last], true);
      i = j;
    }
  }

  /** The slice of x a point falls in, computed as the SQL does, so that both cut alike. */
  private long slice(int rank, double x0, double x1, long s0, long s1, long buckets) {
    double share = logX ? (position(rank) - x0) / (x1 - x0)
        : (double) (columns.step(rank) - s0) / (double) (s1 - s0);
    return Math.min(buckets - 1, (long) Math.floor(share * buckets));
  }

  /** DuckDB's min of doubles, which orders NaN above every number. */
  private static double min(double a, double b) {
    if (Double.isNaN(a)) {
      return b;
    }
    return Double.isNaN(b) || !(b < a) ? a : b;
  }

  /** DuckDB's max of doubles, which orders NaN above every number. */
  private static double max(double a, double b) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return Double.NaN;
    }
    return b > a ? b : a;
  }

  private void grow(int rows) {
    if (rows <= xr.length) {
      return;
    }
    int capacity = Math.max(rows, xr.length * 2);
    xr = new int[capacity];
    m = new double[capacity];
    hw = new double[capacity];
    n = new long[capacity];
    sum = new double[capacity];
    mean = new double[capacity];
    m2 = new double[capacity];
    count = new long[capacity];
    keys = new long[capacity];
  }
}
