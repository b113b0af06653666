package io.engineroom.udfs.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TestStudentTQuantile {
  private final StudentTQuantile f = new StudentTQuantile();

  @Test
  void matchesPublishedTQuantiles() {
    // R: qt(0.975, 10) = 2.228139, qt(0.975, 1) = 12.7062, qt(0.99375, 10) = 3.169... (Bonferroni
    // over four outcomes), qt(0.025, 30) = -2.042272; many degrees of freedom approach the normal.
    assertThat(f.call(0.975, 10)).isCloseTo(2.228139, within(1e-5));
    assertThat(f.call(0.975, 1)).isCloseTo(12.7062, within(1e-3));
    assertThat(f.call(0.025, 30L)).isCloseTo(-2.042272, within(1e-5));
    assertThat(f.call(new BigDecimal("0.975"), 100000)).isCloseTo(1.959964, within(1e-4));
  }

  @Test
  void badInputGivesNull() {
    assertThat(f.call(null, 3)).isNull();
    assertThat(f.call(0.9, null)).isNull();
    assertThat(f.call(1.0, 3)).isNull();
    assertThat(f.call(0.9, 0)).isNull();
  }
}
