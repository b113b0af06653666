package io.engineroom.udfs.functions;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.spark.sql.api.java.UDF2;

/**
 * {@code er_t_quantile(p, df)}: the p-quantile of Student's t distribution with df degrees of
 * freedom. Intervals from few clusters (a change judged on a dozen workers) use it in place of the
 * normal 1.96, which would make them too narrow. Null in, p outside (0, 1) or df below 1 gives null.
 */
public final class StudentTQuantile implements UDF2<Number, Number, Double> {
  public static final String NAME = "er_t_quantile";

  // Number, not Double: Spark hands a Java UDF its arguments as they are typed in SQL.
  @Override
  public Double call(Number p, Number df) {
    if (p == null || df == null) {
      return null;
    }
    double pv = p.doubleValue();
    double dv = df.doubleValue();
    if (!(pv > 0 && pv < 1) || !(dv >= 1)) {
      return null;
    }
    return new TDistribution(null, dv, TDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY).inverseCumulativeProbability(pv);
  }
}
