package xyz.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The {@code --debug} flag every command takes: show stack traces of user errors too. A picocli
 * mixin, public for the commands of other modules.
 */
public final class DebugOption {
  @Option(names = "--debug", description = "Show the stack trace of every error.")
  boolean debug;

  static boolean enabled(CommandLine.ParseResult parsed) {
    CommandLine.ParseResult p = parsed;
    while (p != null) {
      if (p.hasMatchedOption("--debug")) {
        return true;
      }
      p = p.subcommand();
    }
    return false;
  }
}
