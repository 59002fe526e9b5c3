package xyz.collect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The observations of one cell as read, in primitive arrays: its rows in file order, the final
 * value of each observable, and its bad lines. Observables are numbered in the order the cell
 * first reported them.
 *
 * <p>A batch filled by a worker thread holds the whole file; one filled by the writing thread
 * itself hands its rows on every {@code flushRows} rows, so that a huge file is never held.
 */
final class ObservationBatch implements ObservationSink {
  /** How many bad line reasons are kept per cell. */
  static final int KEPT_REASONS = 5;

  private final List<String> names = new ArrayList<>();
  private final Map<String, Integer> numbers = new HashMap<>();
  private final int flushRows;
  private final Consumer<ObservationBatch> flush;

  private int size;
  private int[] seq = new int[256];
  private long[] step = new long[256];
  private boolean[] hasStep = new boolean[256];
  private int[] observable = new int[256];
  private double[] value = new double[256];

  private double[] finals = new double[8];
  private int badCount;
  private final List<String> reasons = new ArrayList<>();
  private String readError;

  private long rows;
  private int lastSeq;
  private boolean anyStep;
  private long lastStep;
  private int unsteppedSince;
  private int firstUnstepped;
  private int missingSteps;
  private int firstMissingStep;
  private int decreasingSteps;
  private String firstDecrease;

  /** A batch that holds every row until the file is read. */
  ObservationBatch() {
    this(Integer.MAX_VALUE, b -> { });
  }

  /** A batch that hands its rows to {@code flush} whenever it holds {@code flushRows}. */
  ObservationBatch(int flushRows, Consumer<ObservationBatch> flush) {
    this.flushRows = flushRows;
    this.flush = flush;
  }

  @Override
  public void value(int seqValue, long stepValue, boolean stepPresent, String name, double v) {
    if (seqValue != lastSeq) {
      lastSeq = seqValue;
      checkStep(seqValue, stepValue, stepPresent);
    }
    Integer number = numbers.get(name);
    if (number == null) {
      number = names.size();
      numbers.put(name, number);
      names.add(name);
      if (number == finals.length) {
        finals = Arrays.copyOf(finals, number * 2);
      }
    }
    if (size == seq.length) {
      grow();
    }
    seq[size] = seqValue;
    step[size] = stepValue;
    hasStep[size] = stepPresent;
    observable[size] = number;
    value[size] = v;
    size++;
    rows++;
    // Lines come in file order, so the last value seen is the final one.
    finals[number] = v;
    if (size >= flushRows) {
      flush.accept(this);
      size = 0;
    }
  }

  @Override
  public void badLine(int seqValue, String reason) {
    badCount++;
    if (reasons.size() < KEPT_REASONS) {
      reasons.add("line " + seqValue + ": " + reason);
    }
  }

  /**
   * Counts the lines without a step between lines that have one (a hole in a curve), and the
   * lines whose step is lower than the last step before them: both keep their rows, but a curve
   * drawn against the step would be wrong, so they are told. Lines without a step before the
   * first step or after the last are fine (settings, final values), and so are equal steps (an
   * experiment may write a step's observables on several lines).
   */
  private void checkStep(int seqValue, long stepValue, boolean stepPresent) {
    if (!stepPresent) {
      if (anyStep && unsteppedSince++ == 0) {
        firstUnstepped = seqValue;
      }
      return;
    }
    if (unsteppedSince > 0) {
      if (missingSteps == 0) {
        firstMissingStep = firstUnstepped;
      }
      missingSteps += unsteppedSince;
      unsteppedSince = 0;
    }
    if (anyStep && stepValue < lastStep && decreasingSteps++ == 0) {
      firstDecrease = "line " + seqValue + ": step " + stepValue + " after " + lastStep;
    }
    anyStep = true;
    lastStep = stepValue;
  }

  /** Lines without a step between lines with one. */
  int missingSteps() {
    return missingSteps;
  }

  /** The first line of {@link #missingSteps()}. */
  int firstMissingStep() {
    return firstMissingStep;
  }

  /** Lines whose step is lower than the step of the line with a step before them. */
  int decreasingSteps() {
    return decreasingSteps;
  }

  /** The first of {@link #decreasingSteps()}, as {@code line N: step S after P}. */
  String firstDecrease() {
    return firstDecrease;
  }

  /** Records that the file could not be read to its end. */
  void readError(String message) {
    readError = message;
  }

  private void grow() {
    int n = seq.length * 2;
    seq = Arrays.copyOf(seq, n);
    step = Arrays.copyOf(step, n);
    hasStep = Arrays.copyOf(hasStep, n);
    observable = Arrays.copyOf(observable, n);
    value = Arrays.copyOf(value, n);
  }

  /** Rows read in all, flushed ones included. */
  long rows() {
    return rows;
  }

  /** Rows held now (since the last flush). */
  int size() {
    return size;
  }

  int seq(int row) {
    return seq[row];
  }

  long step(int row) {
    return step[row];
  }

  boolean hasStep(int row) {
    return hasStep[row];
  }

  /** The cell-local number of the row's observable; see {@link #names()}. */
  int observable(int row) {
    return observable[row];
  }

  double value(int row) {
    return value[row];
  }

  /** The cell's observables in the order it first reported them. */
  List<String> names() {
    return names;
  }

  /** The final value of the cell's observable numbered {@code number}. */
  double finalValue(int number) {
    return finals[number];
  }

  /** The lines left out, or null when there were none. */
  BadLines badLines() {
    return badCount == 0 ? null : new BadLines(badCount, reasons);
  }

  int badCount() {
    return badCount;
  }

  /** Why the file could not be read to its end, or null. */
  String readError() {
    return readError;
  }
}
