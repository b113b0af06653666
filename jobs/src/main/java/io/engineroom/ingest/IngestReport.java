package io.engineroom.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The night's ingest, source by source. */
public final class IngestReport {
  public final LocalDate delivery;
  public final List<SourceReport> sources = new ArrayList<>();
  /** Entries of the night's landing folders that were not read, with the reason. */
  public final List<LandingLayout.SkippedFile> skippedFiles = new ArrayList<>();
  /** Deequ's verdicts on the night's silver rows; null until the gate ran. */
  public io.engineroom.quality.QualityReport quality;

  IngestReport(LocalDate delivery) {
    this.delivery = delivery;
  }

  public SourceReport of(LandingSource source) {
    return sources.stream().filter(s -> s.source == source).findFirst().orElse(null);
  }

  public long rowsRead() {
    return sources.stream().mapToLong(s -> s.rowsRead).sum();
  }

  public long quarantined() {
    return sources.stream().mapToLong(SourceReport::quarantinedTotal).sum();
  }
}
