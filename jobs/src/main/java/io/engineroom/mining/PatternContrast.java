package io.engineroom.mining;

import io.engineroom.udfs.functions.FisherExactTest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares top performers' items with everyone else's for each pattern of one task type
 * (METRICS.md, "Best practices"): support in each group, lift, Fisher exact p, Benjamini–Hochberg q,
 * the pace-adjusted handle-time effect with its interval (MedianEffect), and the hours saved if the
 * items done without the pattern had had its effect. Ranked by hours saved among the patterns
 * reported (q at most the false-discovery rate).
 */
final class PatternContrast {
  /** One item of the task type: its worker, handle time, steps, and whether the worker is a top performer. */
  record Item(String worker, double handleSeconds, List<String> steps, boolean byTopPerformer) {}

  /** The result for one pattern. {@code p} and {@code q} are NaN when there is no top group to compare. */
  record Result(List<String> pattern, long topWith, long topItems, long othersWith, long othersItems,
      double supportTop, double supportOthers, double lift, double p, double q, MedianEffect.Estimate effect,
      double hoursSavedIfAdopted, boolean reported, int rank, int equivalentPatterns) {}

  private final double falseDiscoveryRate;
  private final int resamples;
  private final long seed;

  PatternContrast(double falseDiscoveryRate, int resamples, long seed) {
    this.falseDiscoveryRate = falseDiscoveryRate;
    this.resamples = resamples;
    this.seed = seed;
  }

  List<Result> compare(List<Item> items, List<List<String>> candidates) {
    // Patterns found in exactly the same items are one finding, not several: tested once (the
    // longest stands for them), so they neither crowd the report nor inflate the multiple testing.
    Map<java.util.BitSet, List<List<String>>> byOccurrence = new LinkedHashMap<>();
    for (List<String> pattern : candidates) {
      java.util.BitSet occurs = new java.util.BitSet(items.size());
      for (int i = 0; i < items.size(); i++) {
        if (Sequences.contains(items.get(i).steps(), pattern)) {
          occurs.set(i);
        }
      }
      byOccurrence.computeIfAbsent(occurs, k -> new ArrayList<>()).add(pattern);
    }
    List<List<String>> patterns = new ArrayList<>();
    Map<List<String>, Integer> equivalents = new HashMap<>();
    for (List<List<String>> same : byOccurrence.values()) {
      List<String> representative = same.stream().max(Comparator.comparingInt((List<String> p) -> p.size())
          .thenComparing(p -> String.join(">", p), Comparator.reverseOrder())).orElseThrow();
      patterns.add(representative);
      equivalents.put(representative, same.size() - 1);
    }
    long topItems = items.stream().filter(Item::byTopPerformer).count();
    long othersItems = items.size() - topItems;
    boolean contrast = topItems > 0 && othersItems > 0;
    int n = patterns.size();
    long[][] counts = new long[n][2];
    double[] p = new double[n];
    List<List<MedianEffect.Item>> effectInputs = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      List<MedianEffect.Item> effectItems = new ArrayList<>(items.size());
      for (Item i : items) {
        boolean uses = Sequences.contains(i.steps(), patterns.get(k));
        if (uses) {
          counts[k][i.byTopPerformer() ? 0 : 1]++;
        }
        effectItems.add(new MedianEffect.Item(i.worker(), i.handleSeconds(), uses));
      }
      effectInputs.add(effectItems);
      p[k] = contrast ? FisherExactTest.twoSided(counts[k][0], topItems - counts[k][0], counts[k][1],
          othersItems - counts[k][1]) : Double.NaN;
    }
    double[] q = contrast ? MultipleTesting.benjaminiHochberg(p) : p.clone();
    List<Result> results = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      long with = counts[k][0] + counts[k][1];
      boolean reported = contrast && q[k] <= falseDiscoveryRate;
      // Bootstrap only where it is read: reported patterns, or every pattern without a contrast.
      MedianEffect.Estimate effect = (reported || !contrast) && with > 0 && with < items.size()
          ? MedianEffect.estimate(effectInputs.get(k), resamples, seed + k)
          : pointEstimate(effectInputs.get(k));
      long without = items.size() - with;
      // Hours saved if the items done without the pattern had been done with it, at its effect.
      double saved = without * -effect.difference() / 3600.0;
      double supportTop = topItems == 0 ? Double.NaN : (double) counts[k][0] / topItems;
      double supportOthers = othersItems == 0 ? Double.NaN : (double) counts[k][1] / othersItems;
      results.add(new Result(patterns.get(k), counts[k][0], topItems, counts[k][1], othersItems, supportTop,
          supportOthers, supportOthers == 0 ? Double.POSITIVE_INFINITY : supportTop / supportOthers, p[k], q[k],
          effect, saved, reported, 0, equivalents.get(patterns.get(k))));
    }
    return ranked(results);
  }

  private static MedianEffect.Estimate pointEstimate(List<MedianEffect.Item> items) {
    MedianEffect.Estimate e = MedianEffect.estimate(items, 0, 0);
    return new MedianEffect.Estimate(e.medianWith(), e.medianWithout(), e.difference(), Double.NaN, Double.NaN,
        e.ratio(), Double.NaN, Double.NaN);
  }

  /** Reported patterns first, by hours saved; the rest after them by support. */
  private static List<Result> ranked(List<Result> results) {
    List<Result> sorted = new ArrayList<>(results);
    sorted.sort(Comparator.comparing((Result r) -> !r.reported())
        .thenComparing(r -> -(Double.isNaN(r.hoursSavedIfAdopted()) ? Double.NEGATIVE_INFINITY
            : r.hoursSavedIfAdopted()) * (r.reported() ? 1 : 0))
        .thenComparing(r -> -(r.topWith() + r.othersWith()))
        .thenComparing(r -> String.join(">", r.pattern())));
    List<Result> out = new ArrayList<>();
    int rank = 0;
    for (Result r : sorted) {
      out.add(new Result(r.pattern(), r.topWith(), r.topItems(), r.othersWith(), r.othersItems(), r.supportTop(),
          r.supportOthers(), r.lift(), r.p(), r.q(), r.effect(), r.hoursSavedIfAdopted(), r.reported(),
          r.reported() ? ++rank : 0, r.equivalentPatterns()));
    }
    return out;
  }
}
