package xyz;

/**
 * A mistake the user can fix: a bad study file, flag or input. The command line prints its
 * message without a stack trace and exits with code 2.
 */
public class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an error whose message already says what is wrong and how to fix it. */
  public UserError(String message) {
    super(message);
  }

  /** Creates an error with the exception that revealed it, shown only under --debug. */
  public UserError(String message, Throwable cause) {
    super(message, cause);
  }
}
