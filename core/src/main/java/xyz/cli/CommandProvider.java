package xyz.cli;

/**
 * A subcommand of {@code xyz} that lives in a module of its own, found with {@link
 * java.util.ServiceLoader}, so that core does not depend on what the command needs (the
 * explorer's web server, for one). List implementations in {@code
 * META-INF/services/xyz.cli.CommandProvider}.
 */
public interface CommandProvider {

  /** The name typed after {@code xyz}, such as {@code serve}. */
  String name();

  /** A new instance of the command: an object annotated with picocli's {@code @Command}. */
  Object create();
}
