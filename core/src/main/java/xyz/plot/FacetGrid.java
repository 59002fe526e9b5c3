package xyz.plot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import xyz.UserError;
import xyz.study.Axis;
import xyz.study.FigureSpec;
import xyz.study.Study;

/**
 * Draws a study's facet-grid figures from its results database: one panel per level of the row
 * axis and of the column axis, in declaration order, with strips naming them; in each panel one
 * line per level of the colour axis (or per observable), averaged over the replicates and every
 * axis the figure does not place, with a band; shared or free scales; one legend.
 *
 * <p>The database is read once per figure, aggregation of long series runs in parallel, and
 * lines are drawn as one path each, thinned to two points per pixel column.
 */
public final class FacetGrid {
  /** The largest figure drawn, in pixels: 1 GB of image at 4 bytes a pixel. */
  private static final double MAX_PIXELS = 250e6;

  private FacetGrid() {}

  /**
   * Draws one figure to {@code outDir/<name>.png} and/or {@code .svg}, as its formats say.
   *
   * @param database the study's {@code results.duckdb}, opened read-only
   * @return the files written, in the order of the figure's formats
   * @throws UserError when the figure names an axis or observable the study lacks, or when there
   *     is nothing to draw yet
   */
  public static List<Path> draw(Study study, Path database, FigureSpec spec, Path outDir) {
    return draw(study, database, spec, outDir, note -> { });
  }

  /**
   * Draws one figure and reports what it left out or averaged over, one line per note, such as
   * {@code averaged over: seed, k} or {@code left out 3 cells that did not end done (3 failed)}.
   *
   * @param notes receives each note as it is found
   */
  public static List<Path> draw(Study study, Path database, FigureSpec spec, Path outDir,
      Consumer<String> notes) {
    checkName(study, spec);
    Placement placement;
    FigureQuery.Loaded loaded;
    try (Results results = Results.open(database, FigureCheck.where(study, spec))) {
      placement = FigureCheck.check(study, spec,
          results.recordedObservables(Set.copyOf(study.axisNames())));
      loaded = FigureQuery.load(results, placement, notes);
    }
    Curve[] curves = Aggregate.present(Aggregate.curves(loaded.samples(), placement.band()));
    curves = LogSpace.apply(curves, placement.logX(), placement.logY());
    FigurePainter painter = new FigurePainter(study.name() + " \u2014 " + spec.name(),
        placement, loaded.frame(), curves, caption(placement));
    if ((double) painter.width() * painter.height() > MAX_PIXELS) {
      throw new UserError(FigureCheck.where(study, spec) + ": " + loaded.frame().rows() + " x "
          + loaded.frame().cols() + " panels are too many to draw in one figure"
          + "\n  fix: filter its rows or columns, or split it into several figures");
    }
    try {
      Files.createDirectories(outDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + outDir + ": " + e.getMessage(), e);
    }
    List<Path> written = new ArrayList<>();
    for (String format : spec.formats()) {
      Path file = outDir.resolve(spec.name() + "." + format);
      if (format.equals("png")) {
        FigureWriter.png(painter, file);
      } else {
        SvgWriter.svg(painter, file);
      }
      written.add(file);
    }
    return written;
  }

  private static void checkName(Study study, FigureSpec spec) {
    String name = spec.name();
    if (name == null || name.isBlank() || name.contains("/") || name.contains("\\")
        || name.startsWith(".")) {
      throw new UserError(FigureCheck.where(study, spec) + ": the name is not a file name"
          + "\n  fix: name the figure with letters, digits, '-' and '_'");
    }
  }

  /** The line under the grid that tells a reader what a line and a band are. */
  private static String caption(Placement placement) {
    List<String> over = new ArrayList<>();
    for (Axis axis : placement.averaged()) {
      int levels = placement.keptOf(axis).size();
      if (levels > 1) {
        over.add(axis.name() + " (" + levels + ")");
      }
    }
    if (over.isEmpty()) {
      return null;
    }
    String band = switch (placement.band()) {
      case "sd" -> "; band: \u00b11 standard deviation";
      case "se" -> "; band: \u00b11 standard error";
      case "ci95" -> "; band: 95% bootstrap interval of the mean";
      default -> "";
    };
    return "Lines: mean over " + String.join(", ", over) + band + ".";
  }
}
