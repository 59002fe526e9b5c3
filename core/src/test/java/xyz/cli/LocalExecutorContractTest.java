package xyz.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The executor contract, on the local executor. */
class LocalExecutorContractTest extends ExecutorContract {

  @Override
  Cli runToEnd(Path study, String... flags) {
    List<String> args = new ArrayList<>(List.of("run", study.toString(), "--executor", "local",
        "--workers", "2", "--no-plot"));
    args.addAll(List.of(flags));
    return Cli.run(args.toArray(String[]::new));
  }

  @Override
  void startAndKill(Path study, Path cells, int ended) throws Exception {
    List<String> argv = new ArrayList<>();
    argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    argv.addAll(List.of("-cp", System.getProperty("java.class.path"),
        "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), "xyz.cli.Main", "run",
        study.toString(), "--workers", "2", "--no-plot"));
    Process run = new ProcessBuilder(argv).redirectErrorStream(true)
        .redirectOutput(study.resolveSibling("run.log").toFile())
        .redirectInput(new File("/dev/null")).start();
    List<ProcessHandle> children = new ArrayList<>();
    try {
      awaitCells(cells, ended);
      Thread.sleep(500);
      children.addAll(run.descendants().toList());
    } finally {
      run.destroyForcibly();
      run.waitFor(30, TimeUnit.SECONDS);
    }
    // kill -9 leaves the cells' programs behind as orphans; stop them as a machine reboot would.
    children.forEach(ProcessHandle::destroyForcibly);
  }
}
