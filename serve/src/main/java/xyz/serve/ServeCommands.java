package xyz.serve;

import xyz.cli.CommandProvider;

/** Adds {@code xyz serve} to the command line. */
public final class ServeCommands implements CommandProvider {
  @Override
  public String name() {
    return "serve";
  }

  @Override
  public Object create() {
    return new ServeCommand();
  }
}
