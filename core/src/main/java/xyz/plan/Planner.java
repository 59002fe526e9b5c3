package xyz.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import xyz.UserError;
import xyz.study.Grid;
import xyz.study.Study;
import xyz.study.StudyGrid;

/**
 * Expands a study's grid into its cells, in plan order, each with its stable id (see {@link
 * CellIds}).
 */
public final class Planner {
  /** The most cells one plan may hold: beyond this a study should be split. */
  public static final int MAX_CELLS = 20_000_000;

  /** The largest grid, before exclusions, that the planner walks through. */
  public static final long MAX_GRID = 200_000_000L;

  private Planner() {}

  /**
   * Plans a study.
   *
   * @param study a study read by {@link xyz.study.StudyReader}, or one with any other grid
   * @return the cells to run, with the counts of the grid and of what was excluded
   * @throws UserError when the grid has more than {@value #MAX_CELLS} cells
   */
  public static Plan plan(Study study) {
    String identity = study.experiment().identity();
    Grid grid = study.grid();
    if (grid instanceof StudyGrid studyGrid) {
      return plan(study, studyGrid, identity);
    }
    List<Cell> cells = new ArrayList<>();
    grid.forEachCell(params -> {
      if (cells.size() >= MAX_CELLS) {
        throw tooLarge(study, MAX_CELLS + 1L);
      }
      cells.add(new Cell(CellIds.of(identity, params), cells.size(), params));
    });
    return new Plan(study, cells, cells.size(), List.of());
  }

  private static Plan plan(Study study, StudyGrid grid, String identity) {
    long size;
    try {
      size = grid.size();
    } catch (ArithmeticException e) {
      throw tooLarge(study, Long.MAX_VALUE);
    }
    if (size > MAX_CELLS && grid.exclusions().isEmpty()) {
      throw tooLarge(study, size);
    }
    if (size > MAX_GRID) {
      throw new UserError(study.file() + ": the study's grid has " + count(size) + " cells "
          + "before exclusions; xyz expands at most " + count(MAX_GRID) + ".\n  fix: split it "
          + "into several studies, with fewer levels each");
    }
    Map<StudyGrid.Branch, CellIds.Hasher> hashers = new IdentityHashMap<>();
    Map<StudyGrid.Branch, Long> starts = new IdentityHashMap<>();
    long start = 0;
    for (StudyGrid.Branch branch : grid.branches()) {
      hashers.put(branch, CellIds.hasher(identity, branch.keys()));
      starts.put(branch, start);
      start += branch.size();
    }
    // Without exclusions the count is known; with them, grow from a modest start.
    int capacity = grid.exclusions().isEmpty() ? (int) size : (int) Math.min(size, 1 << 20);
    Numbers hashes = new Numbers(capacity);
    Numbers positions = grid.exclusions().isEmpty() ? null : new Numbers(capacity);
    long[] excluded = grid.walk((branch, position, values, labels) -> {
      if (hashes.size == MAX_CELLS) {
        throw tooLarge(study, size);
      }
      hashes.add(hashers.get(branch).hash(labels));
      if (positions != null) {
        positions.add(starts.get(branch) + position);
      }
    });
    List<Plan.Excluded> counts = new ArrayList<>();
    for (int i = 0; i < excluded.length; i++) {
      StudyGrid.Exclusion rule = grid.exclusions().get(i);
      counts.add(new Plan.Excluded(rule.where(), rule.because(), excluded[i]));
    }
    PlannedCells cells = new PlannedCells(grid, hashes.values, positions == null ? null
        : positions.values, hashes.size);
    return new Plan(study, cells, size, counts);
  }

  /** A growing array of longs, to hold a number per cell without boxing it. */
  private static final class Numbers {
    private long[] values;
    private int size;

    Numbers(int capacity) {
      values = new long[Math.max(capacity, 16)];
    }

    void add(long value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, (int) Math.min(2L * size, MAX_CELLS));
      }
      values[size++] = value;
    }
  }

  private static UserError tooLarge(Study study, long size) {
    String cells = size == Long.MAX_VALUE ? "more than 9e18" : count(size);
    return new UserError(study.file() + ": the study's grid has " + cells + " cells; a plan "
        + "holds at most " + count(MAX_CELLS) + ".\n  fix: split it into several studies, or "
        + "exclude cells with `exclude`");
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
