package xyz.cli;

import java.io.PrintWriter;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import xyz.UserError;
import xyz.store.Provenance;

/**
 * The {@code xyz} command line: plan, run, status, cancel, collect and plot a study.
 *
 * <p>Exit codes: 0 success; 1 a bug, an environment failure or a failed cell; 2 a user error (a
 * bad study file, flag or input), reported in one message without a stack trace unless {@code
 * --debug}; 130 interrupted.
 */
@Command(
    name = "xyz",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Declare, run and look at XYZ studies: methods x datasets x controls.",
    subcommands = {
      PlanCommand.class, RunCommand.class, StatusCommand.class, CancelCommand.class,
      CollectCommand.class, PlotCommand.class, WorkerCommand.class
    })
public final class Main implements Runnable {
  /** The exit code of a user error. */
  public static final int USER_ERROR = 2;
  /** The exit code of a bug or an environment failure. */
  public static final int FAILURE = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command");
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    System.exit(execute(args, out, new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns the exit code; for tests too. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    for (CommandProvider provider : ServiceLoader.load(CommandProvider.class)) {
      cli.addSubcommand(provider.name(), provider.create());
    }
    // Last, so that `xyz --help` lists it after the commands of other modules too.
    cli.addSubcommand("help", new CommandLine.HelpCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler(new UsageErrors());
    cli.setExecutionExceptionHandler(
        (e, commandLine, parsed) -> {
          boolean debug = DebugOption.enabled(parsed);
          if (e instanceof UserError) {
            err.println("xyz: " + e.getMessage());
            if (debug) {
              e.printStackTrace(err);
            }
            return USER_ERROR;
          }
          String environment = EnvironmentErrors.describe(e);
          if (environment != null) {
            err.println("xyz: the file system refused: " + environment);
            err.println("  fix: make that folder writable and give it free space (or name another"
                + " with --results, --out or --json), then run again; cells that ended are kept");
            if (debug) {
              e.printStackTrace(err);
            }
            return FAILURE;
          }
          err.println("xyz: internal error: " + e);
          e.printStackTrace(err);
          err.println("xyz: this is a bug in xyz (or a broken environment); exit code 1");
          return FAILURE;
        });
    return cli.execute(args);
  }

  /** The version shown by {@code --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"xyz " + Provenance.version()};
    }
  }
}
