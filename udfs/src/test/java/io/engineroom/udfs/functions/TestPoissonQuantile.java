package io.engineroom.udfs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestPoissonQuantile {
  private final PoissonQuantile f = new PoissonQuantile();

  @Test
  void matchesPublishedPoissonQuantiles() {
    // R: qpois(0.999, 4) = 11, qpois(0.001, 4) = 0, qpois(0.975, 10) = 17, qpois(0.025, 10) = 4,
    // qpois(0.999, 100) = 132, qpois(0.5, 2.5) = 2.
    assertThat(f.call(0.999, 4.0)).isEqualTo(11);
    assertThat(f.call(0.001, 4.0)).isEqualTo(0);
    assertThat(f.call(0.975, 10.0)).isEqualTo(17);
    assertThat(f.call(0.025, 10.0)).isEqualTo(4);
    assertThat(f.call(0.999, 100.0)).isEqualTo(132);
    assertThat(f.call(0.5, 2.5)).isEqualTo(2);
  }

  @Test
  void isTheSmallestCountWhoseCumulativeProbabilityReachesP() {
    for (double lambda : new double[] {0.3, 1.7, 8.0, 31.4}) {
      int k = f.call(0.999, lambda);
      assertThat(cdf(k, lambda)).isGreaterThanOrEqualTo(0.999);
      assertThat(k == 0 || cdf(k - 1, lambda) < 0.999).isTrue();
    }
  }

  @Test
  void nothingExpectedMeansNothingAllowedAndBadInputGivesNull() {
    assertThat(f.call(0.999, 0.0)).isZero();
    assertThat(f.call(null, 3.0)).isNull();
    assertThat(f.call(0.9, null)).isNull();
    assertThat(f.call(1.0, 3.0)).isNull();
    assertThat(f.call(0.9, -1.0)).isNull();
  }

  @Test
  void takesSqlDecimalsAndIntegersAsSparkPassesThem() {
    assertThat(f.call(new java.math.BigDecimal("0.999"), 4)).isEqualTo(11);
    assertThat(f.call(new java.math.BigDecimal("0.975"), 10L)).isEqualTo(17);
  }

  private static double cdf(int k, double lambda) {
    double term = Math.exp(-lambda);
    double sum = term;
    for (int i = 1; i <= k; i++) {
      term *= lambda / i;
      sum += term;
    }
    return sum;
  }
}
