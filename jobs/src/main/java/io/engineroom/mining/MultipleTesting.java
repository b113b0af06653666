package io.engineroom.mining;

import java.util.Arrays;
import java.util.Comparator;

/** Benjamini–Hochberg adjusted p-values (q-values), as R's p.adjust(p, "BH"). */
final class MultipleTesting {
  private MultipleTesting() {}

  static double[] benjaminiHochberg(double[] p) {
    int m = p.length;
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> -p[i]));
    double[] q = new double[m];
    double running = 1.0;
    for (int k = 0; k < m; k++) {
      int i = order[k];
      int rank = m - k;
      running = Math.min(running, p[i] * m / rank);
      q[i] = running;
    }
    return q;
  }
}
