package xyz.collect;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xyz.study.Axis;
import xyz.study.ExecutorSpec;
import xyz.study.ExperimentSpec;
import xyz.study.Study;

/** Writes results folders the way the results layout describes them, for collect's tests. */
final class CellFolderFixture {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CellFolderFixture() {}

  /** A study with these axes and observables; the grid is never expanded by collect. */
  static Study study(List<Axis> axes, List<String> observables) {
    return new Study("demo", Path.of("study.yaml"), Path.of("results"), axes, observables,
        new ExperimentSpec.Builtin("demo", null, 0, "1"), ExecutorSpec.local(), List.of(),
        v -> { });
  }

  /** Writes a cell folder with params.json, status.json, provenance.json and observations. */
  static Path cell(Path results, String id, int index, Map<String, Object> params, String state,
      String observations) throws IOException {
    Path dir = results.resolve("cells").resolve(id);
    Files.createDirectories(dir);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("cell_id", id);
    p.put("index", index);
    p.put("params", params);
    JSON.writeValue(dir.resolve("params.json").toFile(), p);
    JSON.writeValue(dir.resolve("provenance.json").toFile(), provenance());
    if (observations != null) {
      Files.writeString(dir.resolve("observations.jsonl"), observations, StandardCharsets.UTF_8);
    }
    JSON.writeValue(dir.resolve("status.json").toFile(), status(id, state));
    return dir;
  }

  static Map<String, Object> status(String id, String state) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("cell_id", id);
    s.put("state", state);
    s.put("exit_code", state.equals("done") ? 0 : 1);
    s.put("signal", null);
    s.put("attempt", 1);
    s.put("started", "2026-12-03T19:10:00.123Z");
    s.put("ended", "2026-12-03T19:10:01.456Z");
    s.put("seconds", 1.333);
    s.put("host", "node1");
    s.put("error", state.equals("done") ? null : "exit code 1");
    s.put("bad_observation_lines", 0);
    return s;
  }

  static Map<String, Object> provenance() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("git_commit", "3f2a9c");
    p.put("git_dirty", false);
    p.put("host", "node1");
    p.put("user", "ana");
    p.put("jvm", "17.0.15 (Eclipse Adoptium)");
    p.put("os", "Linux 6.1 amd64");
    p.put("cpus", 2);
    p.put("command_line", "python3 train.py --lr 0.01");
    p.put("xyz_version", "0.1.0");
    p.put("experiment", "builtin:demo#1");
    return p;
  }

  /** An ordered map from alternating keys and values. */
  static Map<String, Object> params(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }
}
