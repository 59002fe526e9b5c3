package xyz.serve;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import xyz.UserError;
import xyz.cli.DebugOption;
import xyz.cli.StudyOptions;
import xyz.study.Study;

/** {@code xyz serve}: the explorer, a local web page over a study's results. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Open the explorer: a local web page that shows a study's results as facet grids and "
          + "tables, chosen on shelves (rows, columns, x, y, colour, filters), and follows a "
          + "running study as its cells end.",
      "Listens on 127.0.0.1 unless --host says otherwise; reads the results folder and "
          + "nothing else; stops with Ctrl-C."
    })
final class ServeCommand implements Callable<Integer> {
  @Mixin StudyOptions study;
  @Mixin DebugOption debug;
  @Spec CommandSpec spec;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8470",
      description = "The port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
      description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only). "
          + "Another address lets other machines read the study's results.")
  String host;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new UserError("--port: " + port + " is not a port\n  valid: 0 (any free port) to"
          + " 65535\n  fix: such as --port 8470");
    }
    Study s = study.load();
    Explorer explorer = Explorer.start(s, host, port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      explorer.close();
      stopped.countDown();
    }, "xyz-serve-stop"));
    PrintWriter out = spec.commandLine().getOut();
    out.println("xyz: exploring " + s.name() + " at " + explorer.url());
    out.println("xyz: serving " + s.resultsDir() + " (read-only); Ctrl-C stops");
    out.flush();
    stopped.await();
    return 0;
  }
}
