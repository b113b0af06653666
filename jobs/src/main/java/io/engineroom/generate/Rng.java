package io.engineroom.generate;

import java.util.SplittableRandom;

/**
 * Deterministic randomness: every stream is derived from the seed and a few integers that name
 * what it is for (worker, day, purpose), so any worker-day can be simulated alone, in any order,
 * and the same seed gives the same bytes.
 */
final class Rng {
  private final SplittableRandom random;

  private Rng(long seed) {
    this.random = new SplittableRandom(seed);
  }

  static Rng of(long seed, long... names) {
    long h = mix(seed);
    for (long name : names) {
      h = mix(h ^ (name * 0x9E3779B97F4A7C15L));
    }
    return new Rng(h);
  }

  /** SplitMix64 finaliser: a cheap, well-distributed hash of a long. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A uniform number in [0, 1) that depends only on the names, for decisions others must repeat. */
  static double hashUniform(long seed, long... names) {
    return (of(seed, names).random.nextLong() >>> 11) * 0x1.0p-53;
  }

  double uniform() {
    return random.nextDouble();
  }

  double uniform(double lo, double hi) {
    return lo + (hi - lo) * random.nextDouble();
  }

  int between(int lo, int hiInclusive) {
    return random.nextInt(lo, hiInclusive + 1);
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  double gaussian() {
    // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
  }

  /** Log-normal with median 1 and the given log-sd: skewed handle times, as real work has. */
  double logNormal(double sigma) {
    return Math.exp(sigma * gaussian());
  }

  <T> T pick(T[] options) {
    return options[random.nextInt(options.length)];
  }

  <T> T pick(java.util.List<T> options) {
    return options.get(random.nextInt(options.size()));
  }
}
