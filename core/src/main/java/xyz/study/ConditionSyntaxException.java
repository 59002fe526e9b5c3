package xyz.study;

/** A condition that does not parse, with the 0-based position of the offending character. */
public final class ConditionSyntaxException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int position;
  private final String fix;

  /**
   * Creates the error.
   *
   * @param message what is wrong, such as {@code expected a value after '=='}
   * @param position where in the condition's text, from 0
   * @param fix how to write it right, or null
   */
  public ConditionSyntaxException(String message, int position, String fix) {
    super(message);
    this.position = position;
    this.fix = fix;
  }

  /** Where in the condition's text the problem is, from 0. */
  public int position() {
    return position;
  }

  /** How to write it right, or null. */
  public String fix() {
    return fix;
  }
}
