package io.engineroom.run;

import io.engineroom.ingest.IngestReport;
import io.engineroom.ingest.SourceReport;

/** Plain-text summaries a manager can read at the end of a run. */
public final class RunSummary {
  private RunSummary() {}

  public static String ingestTable(IngestReport report) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%nIngest of delivery %s%n", report.delivery));
    sb.append(String.format("  %-15s %6s %8s %10s %10s %12s  %s%n", "source", "files", "resent", "rows read",
        "kept", "quarantined", "top reasons"));
    for (SourceReport s : report.sources) {
      String reasons = s.quarantined.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
          .limit(3).map(e -> e.getKey() + " " + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("");
      sb.append(String.format("  %-15s %6d %8d %,10d %,10d %,12d  %s%n", s.source.tableName(), s.newFiles.size(),
          s.skippedFiles.size(), s.rowsRead, s.rowsToSilver, s.quarantinedTotal(), reasons));
    }
    return sb.toString();
  }
}
