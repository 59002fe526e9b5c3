import xyz.run.CellContext;
import xyz.run.Experiment;

/** A Java experiment that does nothing: what is left of a cell's time is xyz's own overhead. */
public final class NoOp implements Experiment {
  @Override
  public void run(CellContext cell) {}
}
