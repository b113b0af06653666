package io.engineroom.quality;

/** An error-level data-quality check failed; the night stops before publishing. */
public final class QualityGateException extends RuntimeException {
  public QualityGateException(String message) {
    super(message);
  }
}
