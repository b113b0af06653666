package io.engineroom.ingest;

/** A source's share of bad rows passed the threshold: the night stops before anything is published. */
public final class BatchRejectedException extends RuntimeException {
  public BatchRejectedException(String message) {
    super(message);
  }
}
