package io.engineroom.run;

/** A night stopped in a stage; the message says which, why, what to do, and that gold is unchanged. */
public final class NightFailedException extends RuntimeException {
  private final String stage;

  public NightFailedException(String stage, String message, Throwable cause) {
    super(message, cause);
    this.stage = stage;
  }

  public String stage() {
    return stage;
  }
}
