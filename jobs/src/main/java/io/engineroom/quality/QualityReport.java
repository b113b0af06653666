package io.engineroom.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The night's Deequ results, check by check. */
public final class QualityReport {
  /** One constraint's outcome. */
  public record Result(String dataset, String level, String constraint, boolean passed, String message,
      boolean isAnomalyCheck) {}

  private final List<Result> results = new ArrayList<>();

  void add(String dataset, String level, String constraint, boolean passed, String message, boolean anomaly) {
    results.add(new Result(dataset, level, constraint, passed, message, anomaly));
  }

  public List<Result> results() {
    return results;
  }

  public long passed() {
    return results.stream().filter(Result::passed).count();
  }

  public long failed() {
    return results.size() - passed();
  }

  public List<Result> failedErrors() {
    return results.stream().filter(r -> !r.passed() && r.level().equals("Error")).collect(Collectors.toList());
  }

  /** Datasets whose volume Deequ flagged against earlier nights. */
  public List<String> anomalies() {
    return results.stream().filter(r -> r.isAnomalyCheck() && !r.passed()).map(Result::dataset)
        .collect(Collectors.toList());
  }
}
