package xyz.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import xyz.collect.CollectReport;
import xyz.collect.Collector;
import xyz.plan.Planner;
import xyz.study.Study;

/** {@code xyz collect}: the cell folders into one DuckDB database and two CSV files. */
@Command(
    name = "collect",
    mixinStandardHelpOptions = true,
    description = "Gather every ended cell of a study into results.duckdb, cells.csv (one row per "
        + "cell) and observations.csv (one row per observation) in its results folder.")
final class CollectCommand implements Callable<Integer> {
  @Mixin StudyOptions study;
  @Mixin DebugOption debug;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Study s = study.load();
    CollectReport report = Collector.collect(s, s.resultsDir(), Planner.plan(s));
    spec.commandLine().getOut().println("xyz: " + report.summary().replace("\n", "\nxyz: "));
    report.details(10).forEach(l -> spec.commandLine().getOut().println("xyz: WARNING: " + l));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
