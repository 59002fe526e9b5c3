package xyz.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import xyz.study.Suggestions;

/**
 * Reports a mistake on the command line in xyz's error shape: what was wrong, the valid choices,
 * the nearest match and the fix, in a few lines rather than the whole usage text.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

  @Override
  public int handleParseException(CommandLine.ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    PrintWriter err = cli.getErr();
    String command = cli.getCommandSpec().qualifiedName();
    if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String wrong = u.getUnmatched().get(0);
      err.println(unmatched(cli.getCommandSpec(), command, wrong));
    } else {
      err.println(command + ": " + e.getMessage());
      err.println("  fix: see `" + command + " --help`");
    }
    err.flush();
    return Main.USER_ERROR;
  }

  private static String unmatched(CommandSpec spec, String command, String wrong) {
    if (wrong.startsWith("-")) {
      List<String> options = new ArrayList<>();
      for (OptionSpec o : spec.options()) {
        options.add(o.longestName());
      }
      String name = wrong.contains("=") ? wrong.substring(0, wrong.indexOf('=')) : wrong;
      return command + ": unknown option '" + name + "'" + Suggestions.hint(name, options)
          + "\n  fix: see `" + command + " --help`";
    }
    List<String> commands = new ArrayList<>();
    spec.subcommands().forEach((name, sub) -> {
      if (!sub.getCommandSpec().usageMessage().hidden()) {
        commands.add(name);
      }
    });
    if (!commands.isEmpty()) {
      return command + ": unknown command '" + wrong + "'" + Suggestions.hint(wrong, commands)
          + "\n  fix: see `" + command + " --help`";
    }
    return command + ": unexpected argument '" + wrong + "'\n  fix: see `" + command
        + " --help`";
  }
}
