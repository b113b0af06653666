package io.engineroom.cli;

/** A failure whose message tells the person what happened and what to do; no stack trace needed. */
public class ActionableException extends RuntimeException {
  private final int exitCode;

  public ActionableException(String message, int exitCode, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
