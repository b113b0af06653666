package io.engineroom.ingest;

import java.util.ArrayList;
import java.util.List;

/** Which files of a source were new and which had been loaded before (by content). */
public final class BronzeResult {
  public final LandingSource source;
  public final List<String> newFiles = new ArrayList<>();
  public final List<String> skippedFiles = new ArrayList<>();
  /** Rows of workers erased with 'engineroom forget', not landed again. */
  public long erasedRows;

  BronzeResult(LandingSource source) {
    this.source = source;
  }
}
