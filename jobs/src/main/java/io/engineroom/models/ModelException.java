package io.engineroom.models;

/** A model cannot be compiled or run; the message names the model, the file and line, and the cause. */
public final class ModelException extends RuntimeException {
  public ModelException(String message) {
    super(message);
  }

  public ModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
