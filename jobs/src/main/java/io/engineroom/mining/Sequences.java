package io.engineroom.mining;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Sequential-pattern helpers with PrefixSpan's meaning of "contains": in order, gaps allowed. */
final class Sequences {
  private Sequences() {}

  /** True when {@code pattern}'s steps occur in {@code steps} in the same order, not necessarily adjacent. */
  static boolean contains(List<String> steps, List<String> pattern) {
    int next = 0;
    for (int i = 0; i < steps.size() && next < pattern.size(); i++) {
      if (steps.get(i).equals(pattern.get(next))) {
        next++;
      }
    }
    return next == pattern.size();
  }

  /**
   * Closed patterns only: a pattern is dropped when a longer pattern that contains it has the same
   * support, because then every item with the short one also has the long one and the two say the
   * same thing (the long one says more).
   */
  static List<List<String>> closed(Map<List<String>, Long> support) {
    List<List<String>> out = new ArrayList<>();
    for (Map.Entry<List<String>, Long> p : support.entrySet()) {
      boolean absorbed = false;
      for (Map.Entry<List<String>, Long> q : support.entrySet()) {
        if (q.getKey().size() > p.getKey().size() && q.getValue().equals(p.getValue())
            && contains(q.getKey(), p.getKey())) {
          absorbed = true;
          break;
        }
      }
      if (!absorbed) {
        out.add(p.getKey());
      }
    }
    return out;
  }

  /** Steps that occur more than once in a sequence (a loop back to an activity already done). */
  static Set<String> repeated(List<String> steps) {
    Set<String> seen = new HashSet<>();
    Set<String> again = new HashSet<>();
    for (String s : steps) {
      if (!seen.add(s)) {
        again.add(s);
      }
    }
    return again;
  }
}
