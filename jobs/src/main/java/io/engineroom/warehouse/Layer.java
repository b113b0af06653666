package io.engineroom.warehouse;

/** The warehouse's layers; each is a folder and a schema of the same name. */
public enum Layer {
  /** Raw rows as delivered, with their source file, position, delivery date and run id. */
  BRONZE,
  /** Typed, de-duplicated, time-zone-aware facts and dimensions. */
  SILVER,
  /** The published marts that dashboards read. */
  GOLD,
  /** Run history, quarantine, data-quality metrics, publications. */
  OPS;

  public String schema() {
    return name().toLowerCase();
  }
}
