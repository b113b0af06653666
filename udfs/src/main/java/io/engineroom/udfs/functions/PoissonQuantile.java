package io.engineroom.udfs.functions;

import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.spark.sql.api.java.UDF2;

/**
 * {@code er_poisson_quantile(p, expected)}: the smallest count k with P(X <= k) >= p for X ~ Poisson(expected).
 * Exact funnel-plot limits for an observed count O given its expectation E: O above
 * {@code er_poisson_quantile(0.999, E)} lies outside the two-sided 99.8 % funnel, O below
 * {@code er_poisson_quantile(0.001, E)} under it. Null in, or p outside (0, 1), gives null.
 */
public final class PoissonQuantile implements UDF2<Double, Double, Integer> {
  public static final String NAME = "er_poisson_quantile";

  @Override
  public Integer call(Double p, Double expected) {
    if (p == null || expected == null || p <= 0 || p >= 1 || expected.isNaN() || expected < 0) {
      return null;
    }
    return quantile(p, expected);
  }

  public static int quantile(double p, double expected) {
    if (expected == 0) {
      return 0;
    }
    return new PoissonDistribution(null, expected, PoissonDistribution.DEFAULT_EPSILON,
        PoissonDistribution.DEFAULT_MAX_ITERATIONS).inverseCumulativeProbability(p);
  }
}
