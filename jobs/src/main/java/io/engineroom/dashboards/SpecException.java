package io.engineroom.dashboards;

/** A dashboard spec that cannot be turned into Superset assets; the message says where and why. */
public final class SpecException extends IllegalArgumentException {
  public SpecException(String message) {
    super(message);
  }
}
