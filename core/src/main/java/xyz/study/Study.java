package xyz.study;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A study as declared in its file, validated: the axes of its grid (methods, datasets, controls),
 * the observables it records, how a cell runs, where, and the figures it is for.
 *
 * <p>The grid itself (products, zips, exclusions, draws) is expanded by {@link
 * xyz.plan.Planner}; the axes here carry every level a cell can take.
 *
 * @param name the study's name
 * @param file the study file it was read from
 * @param resultsDir where cell folders, the database and figures go
 * @param axes every axis, methods first, then datasets, then controls, in declaration order
 * @param observables the declared observables (W), in order
 * @param experiment how one cell runs
 * @param executor where cells run
 * @param figures the figures drawn after a run
 * @param grid the grammar of the grid, for the planner
 */
public record Study(
    String name, Path file, Path resultsDir, List<Axis> axes, List<String> observables,
    ExperimentSpec experiment, ExecutorSpec executor, List<FigureSpec> figures, Grid grid) {

  /** Freezes the lists. */
  public Study {
    axes = List.copyOf(axes);
    observables = List.copyOf(observables);
    figures = List.copyOf(figures);
  }

  /** The axis of that name, if the study has one. */
  public Optional<Axis> axis(String name) {
    return axes.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /** The names of all axes, in order. */
  public List<String> axisNames() {
    return axes.stream().map(Axis::name).toList();
  }

  /** The replicate axes (seeds), which figures and tables average over. */
  public List<Axis> replicates() {
    return axes.stream().filter(Axis::replicate).toList();
  }
}
