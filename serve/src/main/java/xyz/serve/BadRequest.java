package xyz.serve;

/**
 * A request the explorer refuses: an unknown axis or level, a malformed number, a path outside
 * what it serves. Answered with its status and message as JSON, never with a stack trace.
 */
final class BadRequest extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  /** A 400 Bad Request with this message. */
  BadRequest(String message) {
    this(400, message);
  }

  /**
   * A refusal with its own status.
   *
   * @param status a 4xx status, such as 404 for a cell the study does not have
   */
  BadRequest(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  /** The HTTP status of the answer. */
  int status() {
    return status;
  }
}
