package io.engineroom.udfs.functions;

import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.spark.sql.api.java.UDF2;

/**
 * {@code er_poisson_quantile(p, expected)}: the smallest count k with P(X <= k) >= p for X ~ Poisson(expected).
 * Exact funnel-plot limits for an observed count O given its expectation E: O above
 * {@code er_poisson_quantile(0.999, E)} lies outside the two-sided 99.8 % funnel, O below
 * {@code er_poisson_quantile(0.001, E)} under it. Null in, or p outside (0, 1), gives null.
 */
public final class PoissonQuantile implements UDF2<Number, Number, Integer> {
  public static final String NAME = "er_poisson_quantile";

  // Number, not Double: Spark hands a Java UDF its arguments as they are typed in SQL (a literal
  // 0.999 is a decimal, a count a long), without casting them.
  @Override
  public Integer call(Number p, Number expected) {
    if (p == null || expected == null) {
      return null;
    }
    double pv = p.doubleValue();
    double e = expected.doubleValue();
    if (pv <= 0 || pv >= 1 || Double.isNaN(e) || e < 0) {
      return null;
    }
    return quantile(pv, e);
  }

  public static int quantile(double p, double expected) {
    if (expected == 0) {
      return 0;
    }
    return new PoissonDistribution(null, expected, PoissonDistribution.DEFAULT_EPSILON,
        PoissonDistribution.DEFAULT_MAX_ITERATIONS).inverseCumulativeProbability(p);
  }
}
