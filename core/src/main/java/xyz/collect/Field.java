package xyz.collect;

/**
 * The status and provenance columns of the {@code cells} table, in column order, with the file
 * each is read from (see the results layout).
 */
enum Field {
  STATE("state", SqlType.VARCHAR, Source.STATUS),
  EXIT_CODE("exit_code", SqlType.INTEGER, Source.STATUS),
  SIGNAL("signal", SqlType.INTEGER, Source.STATUS),
  ATTEMPT("attempt", SqlType.INTEGER, Source.STATUS),
  STARTED("started", SqlType.TIMESTAMPTZ, Source.STATUS),
  ENDED("ended", SqlType.TIMESTAMPTZ, Source.STATUS),
  SECONDS("seconds", SqlType.DOUBLE, Source.STATUS),
  HOST("host", SqlType.VARCHAR, Source.STATUS_OR_PROVENANCE),
  USER("user", SqlType.VARCHAR, Source.PROVENANCE),
  GIT_COMMIT("git_commit", SqlType.VARCHAR, Source.PROVENANCE),
  GIT_DIRTY("git_dirty", SqlType.BOOLEAN, Source.PROVENANCE),
  JVM("jvm", SqlType.VARCHAR, Source.PROVENANCE),
  OS("os", SqlType.VARCHAR, Source.PROVENANCE),
  CPUS("cpus", SqlType.INTEGER, Source.PROVENANCE),
  COMMAND_LINE("command_line", SqlType.VARCHAR, Source.PROVENANCE),
  ERROR("error", SqlType.VARCHAR, Source.STATUS),
  /** Counted by collect itself while reading the observations. */
  BAD_OBSERVATION_LINES("bad_observation_lines", SqlType.INTEGER, Source.COLLECT),
  /** Rows collect kept, of every observable and step. */
  OBSERVATION_ROWS("observation_rows", SqlType.INTEGER, Source.COLLECT),
  /** Kept lines with no step between lines that have one. */
  MISSING_STEPS("missing_steps", SqlType.INTEGER, Source.COLLECT),
  /** Kept lines whose step is lower than the one before. */
  DECREASING_STEPS("decreasing_steps", SqlType.INTEGER, Source.COLLECT);

  /** Where a field's value comes from. */
  enum Source { STATUS, PROVENANCE, STATUS_OR_PROVENANCE, COLLECT }

  final String column;
  final SqlType type;
  final Source source;

  Field(String column, SqlType type, Source source) {
    this.column = column;
    this.type = type;
    this.source = source;
  }
}
