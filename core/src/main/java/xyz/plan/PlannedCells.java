package xyz.plan;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import xyz.study.StudyGrid;

/**
 * The cells of a plan, kept as two numbers a cell (its id's hash and its place in the grid) and
 * made into {@link Cell} objects only when asked for. A plan of a million cells so holds 16 MB
 * rather than a million maps, and takes no garbage collection to build.
 */
final class PlannedCells extends AbstractList<Cell> implements RandomAccess {
  private final List<StudyGrid.Branch> branches;
  /** Where each branch starts in the grid, before exclusions. */
  private final long[] starts;
  private final long[] hashes;
  /** The grid position of each cell, or null when no cell was excluded (position = index). */
  private final long[] positions;
  private final int size;

  PlannedCells(StudyGrid grid, long[] hashes, long[] positions, int size) {
    this.branches = grid.branches();
    this.starts = new long[branches.size() + 1];
    for (int b = 0; b < branches.size(); b++) {
      starts[b + 1] = starts[b] + branches.get(b).size();
    }
    this.hashes = hashes;
    this.positions = positions;
    this.size = size;
  }

  @Override
  public Cell get(int index) {
    long position = position(index);
    int branch = branch(position);
    return new Cell(CellIds.format(hashes[index]), index,
        branches.get(branch).params(position - starts[branch]));
  }

  /** The id of a cell, without building its parameters. */
  String id(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("cell " + index + " of " + size);
    }
    return CellIds.format(hashes[index]);
  }

  @Override
  public int size() {
    return size;
  }

  private long position(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("cell " + index + " of " + size);
    }
    return positions == null ? index : positions[index];
  }

  private int branch(long position) {
    int low = 0;
    int high = branches.size() - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (starts[mid] <= position) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }
}
