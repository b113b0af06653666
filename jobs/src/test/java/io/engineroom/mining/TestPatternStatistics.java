package io.engineroom.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TestPatternStatistics {
  @Test
  void containmentIsInOrderWithGaps() {
    List<String> steps = List.of("Hub", "Mail", "Guide", "Excel", "Hub");
    assertThat(Sequences.contains(steps, List.of("Hub", "Guide", "Hub"))).isTrue();
    assertThat(Sequences.contains(steps, List.of("Guide", "Mail"))).isFalse();
    assertThat(Sequences.contains(steps, List.of("Hub", "Hub", "Hub"))).isFalse();
    assertThat(Sequences.contains(steps, List.of())).isTrue();
  }

  @Test
  void closedPatternsDropWhatALongerPatternWithTheSameSupportSays() {
    Map<List<String>, Long> support = new LinkedHashMap<>();
    support.put(List.of("Guide"), 30L);
    support.put(List.of("Hub", "Guide"), 30L);
    support.put(List.of("Hub", "Guide", "Hub"), 30L);
    support.put(List.of("Hub"), 100L);
    support.put(List.of("Hub", "Mail"), 70L);
    assertThat(Sequences.closed(support)).containsExactlyInAnyOrder(
        List.of("Hub", "Guide", "Hub"), List.of("Hub"), List.of("Hub", "Mail"));
  }

  @Test
  void benjaminiHochbergMatchesR() {
    // R: p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.5), "BH") = 0.025 0.05 0.05 0.025 0.5
    double[] q = MultipleTesting.benjaminiHochberg(new double[] {0.01, 0.04, 0.03, 0.005, 0.5});
    assertThat(q).containsExactly(new double[] {0.025, 0.05, 0.05, 0.025, 0.5}, within(1e-12));
  }

  @Test
  void percentileInterpolatesLikeSpark() {
    assertThat(MedianEffect.percentile(new double[] {4, 1, 3, 2}, 0.5)).isEqualTo(2.5);
    assertThat(MedianEffect.percentile(new double[] {1, 2, 3, 4, 5}, 0.25)).isEqualTo(2.0);
  }

  @Test
  void aPatternUsedBySomeWorkersIsFoundAndItsEffectIntervalCoversTheTruth() {
    int covered = 0;
    for (long seed = 1; seed <= 10; seed++) {
      List<PatternContrast.Result> results = new PatternContrast(0.05, 300, seed).compare(plantedBackOffice(seed),
          List.of(List.of("Hub", "Guide", "Hub"), List.of("Hub", "Mail", "Excel", "Hub"), List.of("Hub")));
      PatternContrast.Result best = results.get(0);
      assertThat(best.pattern()).containsExactly("Hub", "Guide", "Hub");
      assertThat(best.rank()).isEqualTo(1);
      assertThat(best.q()).isLessThan(1e-6);
      assertThat(best.hoursSavedIfAdopted()).isPositive();
      assertThat(best.effect().ratio()).isCloseTo(0.7, within(0.05));
      if (best.effect().ratioLow() <= 0.7 && best.effect().ratioHigh() >= 0.7) {
        covered++;
      }
      PatternContrast.Result everyone = results.stream().filter(r -> r.pattern().equals(List.of("Hub")))
          .findFirst().orElseThrow();
      assertThat(everyone.reported()).as("a step everyone takes tells nothing").isFalse();
    }
    // A 95 % interval: in ten independent back offices it should miss the truth at most rarely.
    assertThat(covered).as("intervals covering the planted 0.70, of 10").isGreaterThanOrEqualTo(8);
  }

  /**
   * Twenty workers of different pace; six adopters use the pattern on 90 % of items, others on 5 %;
   * the pattern makes an item 30 % shorter. Adopters are the top performers.
   */
  private static List<PatternContrast.Item> plantedBackOffice(long seed) {
    Random random = new Random(seed);
    List<PatternContrast.Item> items = new ArrayList<>();
    for (int w = 0; w < 20; w++) {
      boolean adopter = w < 6;
      double pace = Math.exp(0.2 * random.nextGaussian());
      for (int i = 0; i < 200; i++) {
        boolean uses = random.nextDouble() < (adopter ? 0.9 : 0.05);
        double handle = 600 * pace * Math.exp(0.3 * random.nextGaussian()) * (uses ? 0.7 : 1.0);
        List<String> steps = uses ? List.of("Hub", "Guide", "Hub") : List.of("Hub", "Mail", "Excel", "Hub");
        items.add(new PatternContrast.Item("W" + w, handle, steps, adopter));
      }
    }
    return items;
  }

  @Test
  void withNothingPlantedFewPatternsAreReported() {
    Random random = new Random(5);
    String[] apps = {"A", "B", "C", "D", "E"};
    List<PatternContrast.Item> items = new ArrayList<>();
    for (int w = 0; w < 20; w++) {
      for (int i = 0; i < 100; i++) {
        List<String> steps = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
          steps.add(apps[random.nextInt(apps.length)]);
        }
        items.add(new PatternContrast.Item("W" + w, 600 * Math.exp(0.3 * random.nextGaussian()), steps, w < 5));
      }
    }
    List<List<String>> patterns = new ArrayList<>();
    for (String a : apps) {
      for (String b : apps) {
        patterns.add(List.of(a, b));
      }
    }
    long reported = new PatternContrast(0.05, 50, 1L).compare(items, patterns).stream()
        .filter(PatternContrast.Result::reported).count();
    assertThat(reported).isLessThanOrEqualTo(2);
  }
}
