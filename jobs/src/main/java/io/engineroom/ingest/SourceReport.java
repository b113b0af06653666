package io.engineroom.ingest;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What ingest did with one source on one night: files, rows in, rows kept, rows quarantined. */
public final class SourceReport {
  public final LandingSource source;
  public List<String> newFiles = List.of();
  public List<String> skippedFiles = List.of();
  /** A file of this source was loaded before under tonight's delivery date (the night run again). */
  public boolean reloadsThisDelivery;
  public long rowsRead;
  public long rowsToSilver;
  /** The same event again (another file, an overlapping export): counted once, not bad. */
  public long redelivered;
  /** Work events with no worker and not automated: kept and counted, never credited to anyone. */
  public long unattributed;
  /** Rows of workers erased with 'engineroom forget': read, counted, not landed. */
  public long erasedRows;
  public final Map<String, Long> quarantined = new TreeMap<>();

  SourceReport(LandingSource source) {
    this.source = source;
  }

  public long quarantinedTotal() {
    return quarantined.values().stream().mapToLong(Long::longValue).sum();
  }

  public double badShare() {
    return rowsRead == 0 ? 0.0 : (double) quarantinedTotal() / rowsRead;
  }

  void addQuarantined(Map<String, Long> counts) {
    counts.forEach((k, v) -> quarantined.merge(k, v, Long::sum));
  }
}
