package io.engineroom.models;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a build produced: rows per model (-1 for views), the marts' locations, the tests' results. */
public final class BuildResult {
  public final Map<String, Long> modelRows = new LinkedHashMap<>();
  public final Map<String, String> marts = new LinkedHashMap<>();
  public final Map<String, String> compiledSql = new LinkedHashMap<>();
  public List<SchemaTests.TestResult> tests = List.of();
  /** When each model started and finished, for run_results.json. */
  public final Map<String, java.time.Instant[]> timings = new LinkedHashMap<>();
  /** The model that failed and why, or null. */
  public String failedModel;
  public String failure;

  public long testsPassed() {
    return tests.stream().filter(t -> t.failures() == 0).count();
  }

  public long testsFailed() {
    return tests.stream().filter(t -> t.failures() > 0).count();
  }
}
