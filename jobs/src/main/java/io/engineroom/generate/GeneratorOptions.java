package io.engineroom.generate;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What to generate. The default period starts on 2 March 2026 so that 60 days cross both
 * New York's (8 March) and Amsterdam's (29 March) switch to summer time, while Manila keeps its clock.
 */
public record GeneratorOptions(Path landing, int workers, LocalDate start, int days, long seed, double badRate) {
  public static final LocalDate DEFAULT_START = LocalDate.of(2026, 3, 2);

  public GeneratorOptions {
    if (workers < 1) {
      throw new IllegalArgumentException("--workers must be at least 1, got " + workers);
    }
    if (days < 1) {
      throw new IllegalArgumentException("--days must be at least 1, got " + days);
    }
    if (badRate < 0 || badRate > 0.5) {
      throw new IllegalArgumentException("--bad-rate must be between 0 and 0.5, got " + badRate);
    }
  }
}
