package xyz.study;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads the Slurm options of {@code executor}. They are read whatever the executor's type, so
 * that {@code xyz run --executor slurm} can use a study written for the local executor.
 */
final class SlurmReader {
  private static final Pattern MEMORY = Pattern.compile("[0-9]+[KMGT]?");
  private static final String FIX =
      "write such as `executor: {type: slurm, partition: gpu, time: 2h, mem: 4G, cpus: 2}`";

  private final Problems problems;

  SlurmReader(Problems problems) {
    this.problems = problems;
  }

  SlurmSpec read(Fields f) {
    if (f == null) {
      return SlurmSpec.defaults();
    }
    String mem = text(f, "mem");
    if (mem != null && !MEMORY.matcher(mem).matches()) {
      problems.at(f.get("mem"), f.path("mem"))
          .message("'" + mem + "' is not a Slurm memory size").found(mem)
          .fix("write a whole number with K, M, G or T, such as `mem: 4G`").add();
    }
    Integer cellsPerTask = positive(f, "cells_per_task", 1_000_000);
    Duration target = duration(f, "target_task_time");
    if (cellsPerTask != null && target != null) {
      problems.at(f.key("target_task_time"), f.path("target_task_time"))
          .message("cells_per_task and target_task_time both say how many cells a task runs")
          .fix("keep one of the two").add();
    }
    return new SlurmSpec(text(f, "partition"), duration(f, "time"), mem,
        positive(f, "cpus", 100_000), text(f, "gres"), text(f, "account"), text(f, "qos"),
        extra(f), cellsPerTask, target, positive(f, "throttle", 1_000_000));
  }

  private String text(Fields f, String key) {
    return f.has(key) ? Nodes.text(f.get(key), f.path(key), problems, "a text", FIX) : null;
  }

  private Integer positive(Fields f, String key, long max) {
    if (!f.has(key)) {
      return null;
    }
    Long n = Nodes.integer(f.get(key), f.path(key), problems, "write a whole number such as `"
        + key + ": 4`");
    if (n != null && (n < 1 || n > max)) {
      problems.at(f.get(key), f.path(key))
          .message(key + " must be between 1 and " + max + ", found " + n)
          .found(String.valueOf(n)).fix("write a whole number such as `" + key + ": 4`").add();
      return null;
    }
    return n == null ? null : n.intValue();
  }

  private Duration duration(Fields f, String key) {
    if (!f.has(key)) {
      return null;
    }
    String fix = "write a whole number and a unit: 30m, 2h, 1d or 1h30m";
    String text = Nodes.text(f.get(key), f.path(key), problems, "a duration", fix);
    if (text == null) {
      return null;
    }
    Duration d = Durations.parse(text).orElse(null);
    if (d == null) {
      problems.at(f.get(key), f.path(key)).message("'" + text + "' is not a duration")
          .found(text).fix(fix).add();
    }
    return d;
  }

  private List<String> extra(Fields f) {
    List<String> out = new ArrayList<>();
    if (!f.has("extra")) {
      return out;
    }
    String fix = "write a list of sbatch options, such as `extra: [--constraint=avx2]`";
    List<Node> items = Nodes.list(f.get("extra"), f.path("extra"), problems, "a list of options",
        true, fix);
    if (items == null) {
      return out;
    }
    for (int i = 0; i < items.size(); i++) {
      String path = Nodes.item(f.path("extra"), i);
      String text = Nodes.text(items.get(i), path, problems, "an sbatch option", fix);
      if (text == null) {
        continue;
      }
      if (!text.startsWith("-") || text.contains("\n")) {
        problems.at(items.get(i), path).message("'" + text + "' is not an sbatch option")
            .found(text).fix("write one option per item, starting with - or --, such as "
                + "`--constraint=avx2`").add();
        continue;
      }
      out.add(text);
    }
    return out;
  }
}
