package xyz.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The grid of a study as its file declares it: for each method, a product of factors (the
 * datasets, single controls, zipped groups and the joint random draws), and the exclusion rules
 * that leave cells out. {@link StudyReader} builds it; the planner walks it.
 *
 * <p>Cells come in plan order: methods slowest, then datasets, then the factors in the order of
 * their first axis, the last fastest. A cell excluded by several rules counts for the first.
 */
public final class StudyGrid implements Grid {

  /** Receives the cells of a walk over the grid. */
  @FunctionalInterface
  public interface CellVisitor {
    /**
     * Called once per cell kept.
     *
     * @param branch the method's part of the grid; its keys name the slots of both arrays
     * @param position the cell's place in the branch's product, before exclusions, from 0 (see
     *     {@link Branch#params(long)})
     * @param values the parameter values, in the order of {@link Branch#keys()}; the array is
     *     reused for the next cell, so copy it ({@link Branch#params}) to keep it
     * @param labels the labels of the values ({@link Values#label}), reused the same way
     */
    void cell(Branch branch, long position, Object[] values, String[] labels);
  }

  /**
   * One exclusion rule.
   *
   * @param where the condition as written
   * @param because the reason the user gave, or null
   * @param condition the parsed condition
   */
  public record Exclusion(String where, String because, Condition condition) {}

  /**
   * The random draws of a study.
   *
   * @param n how many joint draws
   * @param seed the seed of the random generator
   */
  public record Draws(int n, long seed) {}

  /**
   * A set of axes that vary together through a list of rows: one axis alone, a zipped group or
   * the random draws.
   */
  public static final class Factor {
    /** What made the axes vary together. */
    public enum Kind {
      /** A single axis, through its levels. */
      AXIS,
      /** A zip group: the i-th levels of each member together. */
      ZIP,
      /** The random draws: each row is one joint draw. */
      DRAWS
    }

    private final Kind kind;
    private final List<String> axes;
    private final Object[][] rows;
    private final String[][] labels;

    Factor(Kind kind, List<String> axes, List<Object[]> rows) {
      this.kind = kind;
      this.axes = List.copyOf(axes);
      this.rows = rows.toArray(new Object[0][]);
      this.labels = new String[this.rows.length][];
      for (int i = 0; i < this.rows.length; i++) {
        labels[i] = new String[axes.size()];
        for (int j = 0; j < axes.size(); j++) {
          labels[i][j] = Values.label(this.rows[i][j]);
        }
      }
    }

    /** Whether it is one axis, a zip group or the draws. */
    public Kind kind() {
      return kind;
    }

    /** The axes it sets, in the order of its rows' values. */
    public List<String> axes() {
      return axes;
    }

    /** How many rows it has: its share of the product. */
    public int size() {
      return rows.length;
    }

    /** The values of one row, in the order of {@link #axes()}. */
    public List<Object> row(int index) {
      return List.of(rows[index]);
    }
  }

  /** The part of the grid that belongs to one method. */
  public static final class Branch {
    private final String method;
    private final String[] keys;
    private final List<Factor> factors;
    private final int[][] slots;

    Branch(String method, List<String> keys, List<Factor> factors) {
      this.method = method;
      this.keys = keys.toArray(new String[0]);
      this.factors = List.copyOf(factors);
      this.slots = new int[factors.size()][];
      List<String> keyList = Arrays.asList(this.keys);
      for (int f = 0; f < factors.size(); f++) {
        List<String> axes = factors.get(f).axes();
        slots[f] = new int[axes.size()];
        for (int j = 0; j < axes.size(); j++) {
          slots[f][j] = keyList.indexOf(axes.get(j));
        }
      }
    }

    /** The method's name. */
    public String method() {
      return method;
    }

    /** The parameters a cell of this method has, in axis order: method, dataset, controls. */
    public List<String> keys() {
      return Collections.unmodifiableList(Arrays.asList(keys));
    }

    /** The factors whose product makes the method's cells, slowest first. */
    public List<Factor> factors() {
      return factors;
    }

    /** The number of cells before exclusions. */
    public long size() {
      long size = 1;
      for (Factor f : factors) {
        size = Math.multiplyExact(size, f.size());
      }
      return size;
    }

    /** A cell's parameters as an immutable map in key order, from a copy of the values. */
    public Map<String, Object> params(Object[] values) {
      return new ParamMap(keys, values.clone());
    }

    /**
     * The parameters of the cell at a place of the branch's product (before exclusions), the
     * last factor varying fastest: what a walk handed out at that position.
     *
     * @param position from 0 to {@link #size()} - 1
     */
    public Map<String, Object> params(long position) {
      Object[] values = new Object[keys.length];
      values[0] = method;
      long rest = position;
      for (int f = factors.size() - 1; f >= 0; f--) {
        Factor factor = factors.get(f);
        int row = (int) (rest % factor.size());
        rest /= factor.size();
        Object[] rowValues = factor.rows[row];
        for (int j = 0; j < slots[f].length; j++) {
          values[slots[f][j]] = rowValues[j];
        }
      }
      if (rest != 0 || position < 0) {
        throw new IndexOutOfBoundsException("position " + position + " of " + size());
      }
      return new ParamMap(keys, values);
    }
  }

  private final List<Branch> branches;
  private final List<Exclusion> exclusions;
  private final Draws draws;
  private final List<List<Predicate<Object[]>>> rules = new ArrayList<>();

  StudyGrid(List<Branch> branches, List<Exclusion> exclusions, Draws draws) {
    this.branches = List.copyOf(branches);
    this.exclusions = List.copyOf(exclusions);
    this.draws = draws;
    for (Branch branch : branches) {
      List<Predicate<Object[]>> bound = new ArrayList<>();
      for (Exclusion e : exclusions) {
        bound.add(e.condition().bind(branch.keys()));
      }
      rules.add(bound);
    }
  }

  /** One branch per method, in method order. */
  public List<Branch> branches() {
    return branches;
  }

  /** The exclusion rules, in the order written. */
  public List<Exclusion> exclusions() {
    return exclusions;
  }

  /** The random draws, if some control is drawn. */
  public Optional<Draws> draws() {
    return Optional.ofNullable(draws);
  }

  /** The number of cells before exclusions. */
  public long size() {
    long size = 0;
    for (Branch b : branches) {
      size = Math.addExact(size, b.size());
    }
    return size;
  }

  @Override
  public void forEachCell(Consumer<Map<String, Object>> visitor) {
    walk((branch, position, values, labels) -> visitor.accept(branch.params(values)));
  }

  /**
   * Walks every cell in plan order, handing the cells kept to the visitor.
   *
   * @return for each exclusion rule, how many cells it left out
   */
  public long[] walk(CellVisitor visitor) {
    long[] excluded = new long[exclusions.size()];
    for (int b = 0; b < branches.size(); b++) {
      walk(branches.get(b), rules.get(b), visitor, excluded);
    }
    return excluded;
  }

  private static void walk(Branch branch, List<Predicate<Object[]>> rules, CellVisitor visitor,
      long[] excluded) {
    int n = branch.factors.size();
    Factor[] factors = branch.factors.toArray(new Factor[0]);
    for (Factor f : factors) {
      if (f.size() == 0) {
        return;
      }
    }
    Object[] values = new Object[branch.keys.length];
    String[] labels = new String[branch.keys.length];
    values[0] = branch.method;
    labels[0] = branch.method;
    int[] at = new int[n];
    for (int f = 0; f < n; f++) {
      fill(branch, factors[f], f, 0, values, labels);
    }
    @SuppressWarnings({"unchecked", "rawtypes"})
    Predicate<Object[]>[] tests = rules.toArray(new Predicate[0]);
    for (long position = 0; ; position++) {
      int rule = -1;
      for (int r = 0; r < tests.length && rule < 0; r++) {
        if (tests[r].test(values)) {
          rule = r;
        }
      }
      if (rule >= 0) {
        excluded[rule]++;
      } else {
        visitor.cell(branch, position, values, labels);
      }
      // An odometer: step the fastest factor, carrying into slower ones when it wraps.
      int f = n - 1;
      while (f >= 0) {
        at[f]++;
        if (at[f] < factors[f].size()) {
          fill(branch, factors[f], f, at[f], values, labels);
          break;
        }
        at[f] = 0;
        fill(branch, factors[f], f, 0, values, labels);
        f--;
      }
      if (f < 0) {
        return;
      }
    }
  }

  private static void fill(Branch branch, Factor factor, int f, int row, Object[] values,
      String[] labels) {
    int[] slots = branch.slots[f];
    Object[] rowValues = factor.rows[row];
    String[] rowLabels = factor.labels[row];
    for (int j = 0; j < slots.length; j++) {
      values[slots[j]] = rowValues[j];
      labels[slots[j]] = rowLabels[j];
    }
  }
}
