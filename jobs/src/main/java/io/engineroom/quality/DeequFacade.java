package io.engineroom.quality;

import com.amazon.deequ.AnomalyCheckConfig;
import com.amazon.deequ.VerificationResult;
import com.amazon.deequ.VerificationRunBuilderWithRepository;
import com.amazon.deequ.VerificationSuite;
import com.amazon.deequ.analyzers.Size;
import com.amazon.deequ.anomalydetection.RelativeRateOfChangeStrategy;
import com.amazon.deequ.checks.Check;
import com.amazon.deequ.checks.CheckLevel;
import com.amazon.deequ.constraints.Constraint;
import com.amazon.deequ.repository.ResultKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.Option;
import scala.collection.JavaConverters;
import scala.collection.Seq;
import scala.runtime.AbstractFunction1;

/**
 * The one place Engine Room talks to Deequ's Scala API. Takes plain Java (a data frame, declared
 * checks, a date) and gives back data frames; no Scala type leaves this class.
 */
final class DeequFacade {
  /** Check and metric results of one dataset on one night, as data frames. */
  record Results(Dataset<Row> checks, Dataset<Row> metrics) {}

  private DeequFacade() {}

  /**
   * Runs the checks on one night's rows. Results are keyed by dataset and weekday, so the volume
   * check compares a Monday with the Monday before, not with the weekend in between; it runs once
   * that weekday has history ({@code hasHistory}).
   */
  static Results verify(SparkSession spark, Dataset<Row> rows, QualityDataset dataset, List<QualityCheck> checks,
      long datasetDateMillis, String weekday, boolean hasHistory, DeltaMetricsRepository repository) {
    List<Check> deequChecks = new ArrayList<>();
    Check errors = new Check(CheckLevel.Error(), dataset.name() + ": errors", seq(new ArrayList<Constraint>()));
    Check warnings = new Check(CheckLevel.Warning(), dataset.name() + ": warnings", seq(new ArrayList<Constraint>()));
    for (QualityCheck c : checks) {
      if (c.isError()) {
        errors = add(errors, c, datasetDateMillis);
      } else {
        warnings = add(warnings, c, datasetDateMillis);
      }
    }
    deequChecks.add(errors);
    deequChecks.add(warnings);
    scala.collection.immutable.Map<String, String> tags =
        new scala.collection.immutable.Map.Map2<>("dataset", dataset.name(), "weekday", weekday);
    ResultKey key = new ResultKey(datasetDateMillis, tags);
    VerificationRunBuilderWithRepository run = new VerificationSuite().onData(rows)
        .addChecks(seq(deequChecks))
        .useRepository(repository)
        .saveOrAppendResult(key);
    if (hasHistory && (dataset.maxDecrease() != null || dataset.maxIncrease() != null)) {
      // Deequ's rate of change compares tonight's row count with the previous night's.
      RelativeRateOfChangeStrategy strategy = new RelativeRateOfChangeStrategy(
          option(dataset.maxDecrease() == null ? null : 1.0 - dataset.maxDecrease()),
          option(dataset.maxIncrease()), 1);
      AnomalyCheckConfig config = new AnomalyCheckConfig(CheckLevel.Warning(),
          dataset.name() + ": row count against the same weekday a week before", tags, Option.empty(),
          Option.apply((Object) datasetDateMillis));
      run = run.addAnomalyCheck(strategy, sizeAnalyzer(), Option.apply(config));
    }
    VerificationResult result = run.run();
    return new Results(
        VerificationResult.checkResultsAsDataFrame(spark, result, VerificationResult.checkResultsAsDataFrame$default$3()),
        VerificationResult.successMetricsAsDataFrame(spark, result,
            VerificationResult.successMetricsAsDataFrame$default$3()));
  }

  private static Check add(Check check, QualityCheck c, long datasetDateMillis) {
    Option<String> hint = Option.apply(c.label());
    switch (c.type()) {
      case "complete":
        return check.hasCompleteness(c.column(), atLeast(c.minFraction()), hint, Option.empty());
      case "unique":
        return check.hasUniqueness(seq(c.columns()), atLeast(c.minFraction()), hint, Option.empty());
      case "allowed_values":
        return check.isContainedIn(c.column(), c.values().toArray(new String[0]), atLeast(c.minFraction()), hint);
      case "range":
        return check.isContainedIn(c.column(), c.min() == null ? -Double.MAX_VALUE : c.min(),
            c.max() == null ? Double.MAX_VALUE : c.max(), true, true, hint, Option.empty());
      case "references":
        return check.satisfies(QualityGate.referenceColumn(c) + " or `" + c.column() + "` is null", c.label(),
            atLeast(c.minFraction()), hint, scala.collection.immutable.List$.MODULE$.empty(), Option.empty());
      case "freshness":
        // The newest value must be within max_age_hours of the end of the delivery day.
        double deadline = datasetDateMillis / 1000.0 + 86_400 - c.maxAgeHours() * 3600;
        return check.hasMax(QualityGate.epochColumn(c), atLeastValue(deadline), hint, Option.empty());
      default:
        throw new IllegalArgumentException("Unknown check type " + c.type());
    }
  }

  /** Deequ's Size, typed the way addAnomalyCheck wants it (Scala's variance has no Java spelling). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static com.amazon.deequ.analyzers.Analyzer sizeAnalyzer() {
    return new Size(Option.empty());
  }

  private static AbstractFunction1<Object, Object> atLeast(double fraction) {
    return atLeastValue(fraction);
  }

  /** A Deequ assertion "value >= threshold" (Deequ hands metrics over boxed). */
  private static AbstractFunction1<Object, Object> atLeastValue(double threshold) {
    return new AbstractFunction1<>() {
      @Override
      public Object apply(Object value) {
        return ((Number) value).doubleValue() >= threshold - 1e-12;
      }
    };
  }

  private static <T> Seq<T> seq(List<T> list) {
    return JavaConverters.asScalaBufferConverter(list).asScala().toSeq();
  }

  private static Option<Object> option(Double d) {
    return d == null ? Option.empty() : Option.apply((Object) d);
  }
}
