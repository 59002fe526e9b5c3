package xyz.study;

import java.util.List;
import java.util.Map;

/**
 * One facet-grid figure: for each value of {@code rows} and {@code cols}, {@code y} against
 * {@code x}, coloured by {@code color}. Replicate axes are averaged into a mean line with a band.
 *
 * @param name the file name of the figure, without extension
 * @param rows the axis whose levels make the rows, or null for one row
 * @param cols the axis whose levels make the columns, or null for one column
 * @param x an axis name, or {@code step} for the observation step
 * @param y one or more observables
 * @param color the axis that colours the lines, or null; with several {@code y} and no colour the
 *     observable colours the lines
 * @param band {@code none}, {@code sd}, {@code se} or {@code ci95} (bootstrap, fixed seed)
 * @param scales {@code shared}, {@code rows}, {@code cols} or {@code free}
 * @param logX whether the x axis is logarithmic
 * @param logY whether the y axis is logarithmic
 * @param filter per axis, the labels of the levels to keep; an absent axis keeps all
 * @param formats the files to write: {@code png}, {@code svg}
 */
public record FigureSpec(
    String name, String rows, String cols, String x, List<String> y, String color, String band,
    String scales, boolean logX, boolean logY, Map<String, List<String>> filter,
    List<String> formats) {

  /** The bands a figure can draw around a mean line. */
  public static final List<String> BANDS = List.of("none", "sd", "se", "ci95");

  /** The ways panels can share their axis ranges. */
  public static final List<String> SCALES = List.of("shared", "rows", "cols", "free");

  /** The file formats a figure can be written in. */
  public static final List<String> FORMATS = List.of("png", "svg");

  /** Freezes the lists. */
  public FigureSpec {
    y = List.copyOf(y);
    filter = Map.copyOf(filter);
    formats = List.copyOf(formats);
  }
}
