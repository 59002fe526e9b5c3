package xyz.run;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** What a Java experiment sees of the cell it runs: parameters in, observables out. */
public interface CellContext {

  /** The cell's stable id. */
  String cellId();

  /** The cell's parameters, keyed by axis name: String, Long, Double or Boolean values. */
  Map<String, Object> params();

  /** A parameter as text; fails the cell with a clear message when it is absent. */
  String string(String name);

  /** A numeric parameter as a double; fails the cell when it is absent or not a number. */
  double number(String name);

  /** An integral parameter as a long; fails the cell when it is absent or not an integer. */
  long integer(String name);

  /** Records the final value of an observable, with no step. */
  void observe(String observable, double value);

  /** Records the value of an observable at a step (an epoch, an iteration). */
  void observe(long step, String observable, double value);

  /** The cell's stdout file, for a log a user may want to read later. */
  PrintStream out();

  /** The folder where the cell may write files of its own. */
  Path dir();

  /** Whether the run was interrupted or timed out: the experiment should stop soon. */
  boolean cancelled();
}
