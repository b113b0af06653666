package io.engineroom.mining;

import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Top performers per task type (METRICS.md): the top quartile of performance (earned / handle on
 * that task in the window) among workers whose quality is as expected and who completed at least
 * {@code min_items} items. Workers without audits are not ranked: their quality is unknown.
 * "As expected" reads METRICS.md's O / E ≤ 1 with audit noise in mind: O within the 95 % Poisson
 * limit of E. Taken literally, O / E ≤ 1 drops about half of all average workers at random (O
 * falls on either side of E by chance), and with them, often, the very people worth learning from.
 */
final class TopPerformers {
  private TopPerformers() {}

  /** Columns: task_type, worker_id, items, performance, observed_over_expected, is_top. */
  static Dataset<Row> rank(SparkSession spark, Function<String, String> gold, MiningOptions o) {
    return spark.sql("""
        with pace as (
            select task_type, worker_id, sum(items_completed) as items,
                sum(earned_seconds) / nullif(sum(item_handle_seconds), 0) as performance
            from delta.`%1$s`
            where local_date between date '%3$s' and date '%4$s' and earned_seconds is not null
            group by task_type, worker_id
        ),
        quality as (
            select worker_id, sum(observed_failures) as observed, sum(expected_failures) as expected
            from delta.`%2$s`
            where month_start between trunc(date '%3$s', 'MM') and date '%4$s'
            group by worker_id
        ),
        comparable as (
            select p.*, q.observed / nullif(q.expected, 0) as observed_over_expected
            from pace as p
            join quality as q on q.worker_id = p.worker_id
            where q.observed <= er_poisson_quantile(0.95, q.expected) and p.items >= %5$d
                and p.performance is not null
        )
        select *, percent_rank() over (partition by task_type order by performance) >= 0.75 as is_top
        from comparable
        """.formatted(gold.apply("fct_worker_task_day"), gold.apply("fct_quality_funnel"), o.from(), o.to(),
        o.minItems()));
  }
}
