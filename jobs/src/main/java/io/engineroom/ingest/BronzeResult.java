package io.engineroom.ingest;

import java.util.ArrayList;
import java.util.List;

/** Which files of a source were new and which had been loaded before (by content). */
public final class BronzeResult {
  public final LandingSource source;
  public final List<String> newFiles = new ArrayList<>();
  public final List<String> skippedFiles = new ArrayList<>();
  /**
   * The version (SHA-256) of every file of this source now in the landing, by its relative path: a
   * file re-delivered under the same name with other bytes supersedes what bronze holds of it.
   */
  public final java.util.Map<String, String> currentVersions = new java.util.TreeMap<>();
  /** Rows of workers erased with 'engineroom forget', not landed again. */
  public long erasedRows;
  /**
   * Whether a skipped file was loaded before under this very delivery date (the same night run
   * again): its rows are then part of tonight's batch and must be counted and checked again.
   */
  public boolean reloadsThisDelivery;

  BronzeResult(LandingSource source) {
    this.source = source;
  }
}
