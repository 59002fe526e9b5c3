package xyz.run;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import xyz.plan.Cell;
import xyz.store.CellState;

/**
 * What a run did.
 *
 * @param planned the cells of the plan
 * @param skipped the cells left alone because they had already ended (done, or failed without
 *     {@code --rerun failed})
 * @param ran the cells run now
 * @param states how the cells run now ended, per state
 * @param failed the cells run now that did not end done, in plan order
 * @param wall the run's wall time
 * @param interrupted whether the user stopped the run
 */
public record RunSummary(
    int planned, int skipped, int ran, Map<CellState, Integer> states, List<Cell> failed,
    Duration wall, boolean interrupted) {

  /** How many cells run now ended in that state. */
  public int count(CellState state) {
    return states.getOrDefault(state, 0);
  }
}
