package xyz.plot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xyz.study.Axis;
import xyz.study.AxisRole;
import xyz.study.ExecutorSpec;
import xyz.study.ExperimentSpec;
import xyz.study.FigureSpec;
import xyz.study.Study;

/** Builds studies and figures for tests from their records, without a study file. */
final class Studies {
  private Studies() {}

  static Axis axis(String name, AxisRole role, Object... levels) {
    return new Axis(name, role, Arrays.asList(levels), false, List.of());
  }

  static Axis seeds(String name, Object... levels) {
    return new Axis(name, AxisRole.CONTROL, Arrays.asList(levels), true, List.of());
  }

  static Study study(String name, List<Axis> axes, List<String> observables) {
    return new Study(name, Path.of("study.yaml"), Path.of("results"), axes, observables,
        new ExperimentSpec.Builtin("fake", null, 0, "1"), ExecutorSpec.local(), List.of(),
        visitor -> { });
  }

  /** A figure with defaults: no rows, columns or colour, band sd, shared scales, PNG. */
  static Figure figure(String name) {
    return new Figure(name);
  }

  /** A FigureSpec under construction. */
  static final class Figure {
    private final String name;
    private String rows;
    private String cols;
    private String x = "step";
    private List<String> y = List.of("loss");
    private String color;
    private String band = "sd";
    private String scales = "shared";
    private boolean logX;
    private boolean logY;
    private final Map<String, List<String>> filter = new LinkedHashMap<>();
    private List<String> formats = List.of("png");

    Figure(String name) {
      this.name = name;
    }

    Figure rows(String axis) {
      rows = axis;
      return this;
    }

    Figure cols(String axis) {
      cols = axis;
      return this;
    }

    Figure x(String axis) {
      x = axis;
      return this;
    }

    Figure y(String... observables) {
      y = new ArrayList<>(Arrays.asList(observables));
      return this;
    }

    Figure color(String axis) {
      color = axis;
      return this;
    }

    Figure band(String value) {
      band = value;
      return this;
    }

    Figure scales(String value) {
      scales = value;
      return this;
    }

    Figure logX() {
      logX = true;
      return this;
    }

    Figure logY() {
      logY = true;
      return this;
    }

    Figure filter(String axis, String... labels) {
      filter.put(axis, Arrays.asList(labels));
      return this;
    }

    Figure formats(String... values) {
      formats = Arrays.asList(values);
      return this;
    }

    FigureSpec build() {
      return new FigureSpec(name, rows, cols, x, y, color, band, scales, logX, logY, filter,
          formats);
    }
  }
}
