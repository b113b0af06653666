package io.engineroom.udfs.functions;

import org.apache.commons.math3.distribution.HypergeometricDistribution;
import org.apache.spark.sql.api.java.UDF4;

/**
 * {@code er_fisher_exact_p(a, b, c, d)}: two-sided Fisher exact p-value of the 2x2 table
 * [[a, b], [c, d]] (e.g. top performers' items with / without a pattern, others' with / without).
 * Two-sided as in R's fisher.test: the sum of the probabilities of all tables with the same margins
 * that are no more likely than the observed one.
 */
public final class FisherExactTest implements UDF4<Number, Number, Number, Number, Double> {
  public static final String NAME = "er_fisher_exact_p";
  /** Tables within this relative distance of the observed probability count as equally likely. */
  private static final double RELATIVE_TOLERANCE = 1e-7;

  // Number: Spark passes the SQL types as they are (int or bigint counts).
  @Override
  public Double call(Number a, Number b, Number c, Number d) {
    if (a == null || b == null || c == null || d == null) {
      return null;
    }
    if (a.longValue() < 0 || b.longValue() < 0 || c.longValue() < 0 || d.longValue() < 0) {
      return null;
    }
    return twoSided(a.longValue(), b.longValue(), c.longValue(), d.longValue());
  }

  public static double twoSided(long a, long b, long c, long d) {
    long n = a + b + c + d;
    if (n == 0) {
      return 1.0;
    }
    // a follows a hypergeometric law: population n, successes a + c (column total), draws a + b (row total).
    HypergeometricDistribution h = new HypergeometricDistribution(null, Math.toIntExact(n),
        Math.toIntExact(a + c), Math.toIntExact(a + b));
    double observed = h.probability(Math.toIntExact(a));
    double p = 0;
    for (int k = h.getSupportLowerBound(); k <= h.getSupportUpperBound(); k++) {
      double pk = h.probability(k);
      if (pk <= observed * (1 + RELATIVE_TOLERANCE)) {
        p += pk;
      }
    }
    return Math.min(1.0, p);
  }
}
