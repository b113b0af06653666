package io.engineroom.mining;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The effect of using a pattern on handle time. {@code medianWith} and {@code medianWithout} are the
 * plain medians of the task's items (METRICS.md). The effect itself is compared within each worker,
 * so a pattern used mostly by slow (or fast) people is not credited with their pace: per worker who
 * has items both with and without it, the difference of the median log handle times; the effect
 * ratio is exp of their average weighted by n_with·n_without / n (the fixed-effects weight, most
 * for workers with many of both). The 95 % percentile-bootstrap interval resamples workers, not
 * items, since a worker's items share that worker's pace. In seconds the effect is
 * (ratio − 1) × the median without.
 */
final class MedianEffect {
  /** One item: who did it, its handle time, whether it used the pattern. */
  record Item(String worker, double handleSeconds, boolean uses) {}

  record Estimate(double medianWith, double medianWithout, double difference, double differenceLow,
      double differenceHigh, double ratio, double ratioLow, double ratioHigh) {}

  /** One worker's contrast: median log handle with minus without, and its weight. */
  private record WorkerContrast(double logDifference, double weight) {}

  private MedianEffect() {}

  static Estimate estimate(List<Item> items, int resamples, long seed) {
    double with = median(items, true);
    double without = median(items, false);
    List<WorkerContrast> workers = contrasts(items);
    double ratio = ratio(workers);
    Random random = new Random(seed);
    double[] ratios = new double[resamples];
    int kept = 0;
    for (int b = 0; b < resamples && !workers.isEmpty(); b++) {
      List<WorkerContrast> sample = new ArrayList<>(workers.size());
      for (int c = 0; c < workers.size(); c++) {
        sample.add(workers.get(random.nextInt(workers.size())));
      }
      ratios[kept++] = ratio(sample);
    }
    double[] r = Arrays.copyOf(ratios, kept);
    double low = percentile(r, 0.025);
    double high = percentile(r, 0.975);
    return new Estimate(with, without, (ratio - 1) * without, (low - 1) * without, (high - 1) * without,
        ratio, low, high);
  }

  private static List<WorkerContrast> contrasts(List<Item> items) {
    Map<String, List<Item>> byWorker = new LinkedHashMap<>();
    for (Item i : items) {
      if (i.handleSeconds() > 0) {
        byWorker.computeIfAbsent(i.worker(), k -> new ArrayList<>()).add(i);
      }
    }
    List<WorkerContrast> out = new ArrayList<>();
    for (List<Item> own : byWorker.values()) {
      long n1 = own.stream().filter(Item::uses).count();
      long n0 = own.size() - n1;
      if (n1 == 0 || n0 == 0) {
        continue;
      }
      double logWith = Math.log(median(own, true));
      double logWithout = Math.log(median(own, false));
      out.add(new WorkerContrast(logWith - logWithout, (double) n1 * n0 / own.size()));
    }
    return out;
  }

  private static double ratio(List<WorkerContrast> workers) {
    double sum = 0;
    double weights = 0;
    for (WorkerContrast w : workers) {
      sum += w.weight() * w.logDifference();
      weights += w.weight();
    }
    return weights == 0 ? Double.NaN : Math.exp(sum / weights);
  }

  static double median(List<Item> items, boolean uses) {
    double[] v = items.stream().filter(i -> i.uses() == uses).mapToDouble(Item::handleSeconds).toArray();
    return percentile(v, 0.5);
  }

  /** Linear interpolation between closest ranks, as Spark's percentile and R's type 7. */
  static double percentile(double[] values, double p) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] v = values.clone();
    Arrays.sort(v);
    double pos = p * (v.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = (int) Math.ceil(pos);
    return v[lo] + (v[hi] - v[lo]) * (pos - lo);
  }
}
