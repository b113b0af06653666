package io.engineroom.udfs.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TestFisherExactTest {
  private final FisherExactTest f = new FisherExactTest();

  @Test
  void matchesRsFisherTest() {
    // R: fisher.test(matrix(c(3, 1, 1, 3), 2))$p.value = 0.4857143 (Fisher's tea tasting).
    assertThat(f.call(3L, 1L, 1L, 3L)).isCloseTo(0.4857143, within(1e-6));
    // R: fisher.test(matrix(c(1, 9, 11, 3), 2))$p.value = 0.002759456
    assertThat(f.call(1L, 11L, 9L, 3L)).isCloseTo(0.002759456, within(1e-8));
    // R: fisher.test(matrix(c(10, 10, 10, 10), 2))$p.value = 1
    assertThat(f.call(10L, 10L, 10L, 10L)).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void isSymmetricInRowsAndColumns() {
    double p = f.call(12L, 5L, 7L, 30L);
    assertThat(f.call(7L, 30L, 12L, 5L)).isCloseTo(p, within(1e-12));
    assertThat(f.call(12L, 7L, 5L, 30L)).isCloseTo(p, within(1e-12));
  }

  @Test
  void emptyOrBrokenTables() {
    assertThat(f.call(0L, 0L, 0L, 0L)).isEqualTo(1.0);
    assertThat(f.call(null, 1L, 1L, 1L)).isNull();
    assertThat(f.call(-1L, 1L, 1L, 1L)).isNull();
  }
}
