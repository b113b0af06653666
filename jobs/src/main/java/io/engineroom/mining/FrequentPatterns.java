package io.engineroom.mining;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.fpm.PrefixSpan;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Frequent sequential patterns of one task type's step sequences, by Spark MLlib's PrefixSpan. */
final class FrequentPatterns {
  private FrequentPatterns() {}

  /**
   * Patterns with their support (number of sequences containing them), closed patterns only.
   * {@code sequences} has a column {@code steps} (array of strings); PrefixSpan wants itemsets, so
   * each step becomes a one-item set.
   */
  static Map<List<String>, Long> mine(Dataset<Row> sequences, MiningOptions o) {
    // PrefixSpan passes over its input several times: cached, it is read once.
    Dataset<Row> input = sequences.selectExpr("transform(steps, s -> array(s)) as sequence")
        .where("size(sequence) > 0").cache();
    Map<List<String>, Long> support = new LinkedHashMap<>();
    try {
      Dataset<Row> found = new PrefixSpan().setMinSupport(o.minSupport()).setMaxPatternLength(o.maxPatternLength())
          .setSequenceCol("sequence").findFrequentSequentialPatterns(input);
      for (Row r : found.selectExpr("transform(sequence, s -> s[0]) as pattern", "freq").collectAsList()) {
        support.put(new ArrayList<>(r.getList(0)), r.getLong(1));
      }
    } finally {
      input.unpersist();
    }
    Map<List<String>, Long> closed = new LinkedHashMap<>();
    for (List<String> p : Sequences.closed(support)) {
      closed.put(p, support.get(p));
    }
    return closed;
  }
}
