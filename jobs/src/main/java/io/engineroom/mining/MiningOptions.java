package io.engineroom.mining;

import java.time.LocalDate;

/**
 * What to mine: the window of days up to {@code to}, PrefixSpan's minimum support and longest
 * pattern, the minimum items that make a worker comparable (METRICS.md {@code min_items}), desktop
 * steps as applications or categories, and what counts as a long wait.
 */
public record MiningOptions(LocalDate to, int windowDays, double minSupport, int maxPatternLength, int minItems,
    String stepLevel, double falseDiscoveryRate, int bootstrapResamples, double longWaitHours, long seed) {

  public MiningOptions {
    if (windowDays < 1) {
      throw new IllegalArgumentException("mining window must be at least 1 day, got " + windowDays);
    }
    if (minSupport <= 0 || minSupport >= 1) {
      throw new IllegalArgumentException("mining.min-support must be between 0 and 1, got " + minSupport);
    }
    if (!stepLevel.equals("app") && !stepLevel.equals("category")) {
      throw new IllegalArgumentException("mining.step-level must be 'app' or 'category', got '" + stepLevel + "'");
    }
  }

  public LocalDate from() {
    return to.minusDays(windowDays - 1L);
  }
}
