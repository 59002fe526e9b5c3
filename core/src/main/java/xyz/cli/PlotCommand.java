package xyz.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import xyz.UserError;
import xyz.plot.FacetGrid;
import xyz.study.FigureSpec;
import xyz.study.Study;
import xyz.study.Suggestions;
import xyz.study.Values;

/**
 * {@code xyz plot}: draws the study's figures, or one figure described by flags, from the
 * collected results.
 */
@Command(
    name = "plot",
    mixinStandardHelpOptions = true,
    description = {
      "Draw facet-grid figures from a collected study: for each level of --rows and --cols, --y "
          + "against --x, coloured by --color, replicates averaged into a mean line with a band.",
      "Without figure flags, draws every figure of the study file; with them, draws one figure "
          + "(starting from --figure NAME if given)."
    })
final class PlotCommand implements Callable<Integer> {
  @Mixin StudyOptions study;
  @Mixin DebugOption debug;
  @Spec CommandSpec spec;

  @Option(names = "--figure", paramLabel = "NAME", description = "Start from this study figure.")
  String figure;

  @Option(names = "--rows", paramLabel = "AXIS", description = "The axis whose levels are rows.")
  String rows;

  @Option(names = "--cols", paramLabel = "AXIS", description = "The axis whose levels are columns.")
  String cols;

  @Option(names = "--x", paramLabel = "AXIS", description = "The x axis: an axis, or `step`.")
  String x;

  @Option(
      names = "--y",
      paramLabel = "OBSERVABLE",
      split = ",",
      description = "One or more observables (comma-separated or repeated).")
  List<String> y;

  @Option(names = "--color", paramLabel = "AXIS", description = "The axis that colours lines.")
  String color;

  @Option(
      names = "--filter",
      paramLabel = "AXIS=LEVEL[,LEVEL...]",
      description = "Keep only these levels of an axis; repeat for several axes.")
  List<String> filter;

  @Option(names = "--band", paramLabel = "BAND", description = "none, sd, se or ci95.")
  String band;

  @Option(names = "--scales", paramLabel = "SCALES", description = "shared, rows, cols or free.")
  String scales;

  @Option(names = "--log-x", description = "A logarithmic x axis.")
  Boolean logX;

  @Option(names = "--log-y", description = "A logarithmic y axis.")
  Boolean logY;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      split = ",",
      description = "png, svg or both (default: both).")
  List<String> formats;

  @Option(names = "--name", paramLabel = "NAME", description = "The figure's file name.")
  String name;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where figures go (default: figures/ in the results folder).")
  Path out;

  @Override
  public Integer call() {
    Study s = study.load();
    Path db = s.resultsDir().resolve("results.duckdb");
    if (!Files.exists(db)) {
      throw new UserError(
          db + ": no collected results for study " + s.name()
              + "\n  fix: run `xyz run " + study.file + "` (or `xyz collect` after a run)");
    }
    List<FigureSpec> figures = figures(s);
    Path dir = out != null ? out : s.resultsDir().resolve("figures");
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new UserError((out != null ? "--out " : "") + dir + ": is a file, not a folder"
          + "\n  fix: name a folder for the figures (it is made when missing)");
    }
    for (FigureSpec f : figures) {
      List<Path> files = FacetGrid.draw(s, db, f, dir,
          note -> spec.commandLine().getOut().println("xyz: figure " + f.name() + ": " + note));
      for (Path file : files) {
        spec.commandLine().getOut().println("xyz: figure " + file);
      }
    }
    spec.commandLine().getOut().flush();
    return 0;
  }

  /**
   * Names the flag itself when a value given on the command line names no axis, rather than the
   * figure the flags describe. (Observables are checked with the figure, against those the
   * cells recorded too.)
   */
  private void checkFlags(Study s) {
    List<String> axes = s.axisNames();
    List<String> xs = new ArrayList<>(axes);
    xs.add("step");
    if (x != null) {
      Choices.check("--x", x, xs);
    }
    for (String[] flag : new String[][] {{"--rows", rows}, {"--cols", cols},
        {"--color", color}}) {
      if (flag[1] != null) {
        Choices.check(flag[0], flag[1], axes);
      }
    }
  }

  /** A control worth drawing along x: the last one that is not a replicate (seeds are averaged). */
  private static String exampleX(Study s) {
    for (int i = s.axes().size() - 1; i >= 0; i--) {
      if (!s.axes().get(i).replicate()) {
        return s.axes().get(i).name();
      }
    }
    return "step";
  }

  private List<FigureSpec> figures(Study s) {
    FigureSpec base = null;
    if (figure != null) {
      List<String> names = s.figures().stream().map(FigureSpec::name).toList();
      base = s.figures().stream().filter(f -> f.name().equals(figure)).findFirst().orElseThrow(
          () -> new UserError("--figure: the study has no figure '" + figure + "'"
              + Suggestions.hint(figure, names)
              + "\n  fix: " + (names.isEmpty() ? "the study declares no figure; describe one"
                  : "name one of the study's figures, or describe one") + " with --x and --y"));
    }
    boolean flags = rows != null || cols != null || x != null || y != null || color != null
        || filter != null || band != null || scales != null || logX != null || logY != null
        || formats != null || name != null;
    if (!flags) {
      if (base != null) {
        return List.of(base);
      }
      if (s.figures().isEmpty()) {
        throw new UserError(
            s.file() + ": the study declares no figure\n  fix: add `figures:` to the study, or "
                + "describe one here, such as --rows method --cols dataset --x "
                + s.axisNames().get(s.axisNames().size() - 1) + " --y " + s.observables().get(0));
      }
      return s.figures();
    }
    checkFlags(s);
    String fx = x != null ? x : base != null ? base.x() : null;
    List<String> fy = y != null ? y : base != null ? base.y() : null;
    if (fx == null || fy == null || fy.isEmpty()) {
      throw new UserError(
          "a figure needs --x and --y\n  valid --x: " + String.join(", ", s.axisNames())
              + ", step\n  valid --y: " + String.join(", ", s.observables())
              + "\n  fix: such as --x " + exampleX(s) + " --y "
              + (y != null && !y.isEmpty() && s.observables().contains(y.get(0)) ? y.get(0)
                  : s.observables().get(0)));
    }
    String fband = Choices.check("--band", band != null ? band : base != null ? base.band() : "se",
        FigureSpec.BANDS);
    String fscales = Choices.check("--scales",
        scales != null ? scales : base != null ? base.scales() : "shared", FigureSpec.SCALES);
    List<String> fformats = formats != null ? List.copyOf(new java.util.LinkedHashSet<>(formats))
        : base != null ? base.formats() : FigureSpec.FORMATS;
    for (String f : fformats) {
      Choices.check("--format", f, FigureSpec.FORMATS);
    }
    Map<String, List<String>> ffilter = base != null ? new LinkedHashMap<>(base.filter())
        : new LinkedHashMap<>();
    if (filter != null) {
      for (String item : filter) {
        int eq = item.indexOf('=');
        if (eq <= 0 || eq == item.length() - 1) {
          throw new UserError("--filter: '" + item + "' is not AXIS=LEVEL[,LEVEL...]"
              + "\n  fix: such as --filter dataset=iris,wine");
        }
        String axisName = item.substring(0, eq);
        List<String> levels = new ArrayList<>();
        for (String level : item.substring(eq + 1).split(",")) {
          // A number may be written as the user likes: 1.0 keeps the level 1.
          String label = s.axis(axisName).map(a -> Values.matchLabel(a.labels(), level))
              .orElse(null);
          levels.add(label != null ? label : level);
        }
        ffilter.put(axisName, levels);
      }
    }
    String fname = name != null ? name : base != null ? base.name() : "plot-" + String.join("-", fy)
        + "-by-" + fx;
    return List.of(new FigureSpec(
        fname,
        rows != null ? rows : base != null ? base.rows() : null,
        cols != null ? cols : base != null ? base.cols() : null,
        fx, fy,
        color != null ? color : base != null ? base.color() : null,
        fband, fscales,
        logX != null ? logX : base != null && base.logX(),
        logY != null ? logY : base != null && base.logY(),
        ffilter, fformats));
  }
}
