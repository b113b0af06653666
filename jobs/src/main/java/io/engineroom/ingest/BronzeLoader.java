package io.engineroom.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sha2;

import io.engineroom.ingest.readers.RawRecord;
import io.engineroom.ingest.readers.TextIntegrity;
import io.engineroom.warehouse.DeltaTables;
import io.engineroom.warehouse.Layer;
import io.engineroom.warehouse.Warehouse;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;

/**
 * Lands raw records in {@code bronze.<source>}: every field as text plus where it came from. A file
 * whose bytes were loaded before (the same delivery again, or a re-sent copy) is skipped, so
 * re-running a night adds nothing. Files are parsed inside Spark tasks, so parsing scales out.
 */
public final class BronzeLoader {
  private final SparkSession spark;
  private final Warehouse warehouse;
  private final LandingLayout landing;

  public BronzeLoader(SparkSession spark, Warehouse warehouse, LandingLayout landing) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.landing = landing;
  }

  /**
   * Loads the given files of a source; returns what was new and what was already there.
   *
   * @param privacy how desktop titles and URLs are reduced while read (activity only; else null)
   */
  public BronzeResult load(LandingSource source, List<String> files, LocalDate delivery, String runId,
      DesktopPrivacy privacy, Tombstones erased) {
    BronzeResult result = new BronzeResult(source);
    if (files.isEmpty()) {
      return result;
    }
    String path = warehouse.path(Layer.BRONZE, source.tableName());
    // Spark reads each name as a glob pattern: escaped, a file called "events [1] {x}.csv" is that file.
    Dataset<Row> candidates = spark.read().format("binaryFile")
        .load(files.stream().map(BronzeLoader::literalGlob).toArray(String[]::new))
        .select(col("path"), col("content"), sha2(col("content"), 256).as("sha"));
    // A daily snapshot is new per delivery date (an unchanged roster is still that day's roster);
    // anything else is new only if its bytes were never loaded.
    Set<String> known = new TreeSet<>();
    Set<String> knownOnDate = new TreeSet<>();
    if (DeltaTables.exists(spark, path)) {
      DeltaTables.read(spark, path).select("_file_sha256", "_delivery_date").distinct().collectAsList()
          .forEach(r -> {
            known.add(identity(source, r.getString(0), r.getDate(1).toLocalDate()));
            knownOnDate.add(r.getString(0) + "@" + r.getDate(1).toLocalDate());
          });
    }
    List<Row> shas = candidates.select("path", "sha").collectAsList();
    Set<String> newIdentities = new TreeSet<>();
    // The first path of each new identity: a copy inside the same delivery is loaded once.
    Set<String> newPaths = new TreeSet<>();
    java.util.HashMap<String, String> relativeByPath = new java.util.HashMap<>();
    java.util.HashMap<String, Date> deliveryByPath = new java.util.HashMap<>();
    for (Row r : shas) {
      String relative = landing.relative(r.getString(0));
      LocalDate fileDelivery = LandingLayout.deliveryDateOf(relative).orElse(delivery);
      relativeByPath.put(r.getString(0), relative);
      result.currentVersions.put(relative, r.getString(1));
      deliveryByPath.put(r.getString(0), Date.valueOf(fileDelivery));
      String id = identity(source, r.getString(1), fileDelivery);
      if (known.contains(id) || !newIdentities.add(id)) {
        result.skippedFiles.add(relative);
        result.reloadsThisDelivery |= knownOnDate.contains(r.getString(1) + "@" + fileDelivery);
      } else {
        result.newFiles.add(relative);
        newPaths.add(r.getString(0));
      }
    }
    if (result.newFiles.isEmpty()) {
      return result;
    }
    StructType schema = schema(source);
    Dataset<Row> fresh = candidates.where(col("path").isin(newPaths.toArray()));
    LongAccumulator erasedRows = spark.sparkContext().longAccumulator("rows of erased workers");
    Dataset<Row> records = fresh.flatMap(new ParseFile(source, relativeByPath, deliveryByPath, runId, privacy,
        erased, erasedRows, landing.rules()), Encoders.row(schema));
    DeltaTables.append(records, path);
    result.erasedRows = erasedRows.value();
    return result;
  }

  /** The Hadoop glob pattern that matches exactly this path. */
  static String literalGlob(String path) {
    return path.replaceAll("([\\\\\\[\\]{}*?])", "\\\\$1");
  }

  private static String identity(LandingSource source, String sha, LocalDate delivery) {
    return source.isDailySnapshot() ? sha + "@" + delivery : sha;
  }

  static StructType schema(LandingSource source) {
    List<StructField> fields = new ArrayList<>();
    for (String f : source.fields()) {
      fields.add(DataTypes.createStructField(f, DataTypes.StringType, true));
    }
    fields.add(DataTypes.createStructField("_position", DataTypes.StringType, false));
    fields.add(DataTypes.createStructField("_ordinal", DataTypes.LongType, false));
    fields.add(DataTypes.createStructField("_read_error", DataTypes.StringType, true));
    fields.add(DataTypes.createStructField("_read_error_detail", DataTypes.StringType, true));
    fields.add(DataTypes.createStructField("_source_file", DataTypes.StringType, false));
    fields.add(DataTypes.createStructField("_file_sha256", DataTypes.StringType, false));
    fields.add(DataTypes.createStructField("_delivery_date", DataTypes.DateType, false));
    fields.add(DataTypes.createStructField("_run_id", DataTypes.StringType, false));
    return DataTypes.createStructType(fields);
  }

  /** Parses one landing file into bronze rows; runs on the executors. */
  private static final class ParseFile implements FlatMapFunction<Row, Row> {
    private final LandingSource source;
    private final java.util.HashMap<String, String> relativeByPath;
    private final java.util.HashMap<String, Date> deliveryByPath;
    private final String runId;
    private final DesktopPrivacy privacy;
    private final Tombstones erased;
    private final LongAccumulator erasedRows;
    private final LandingLayout.FileRules rules;

    ParseFile(LandingSource source, java.util.HashMap<String, String> relativeByPath,
        java.util.HashMap<String, Date> deliveryByPath, String runId, DesktopPrivacy privacy, Tombstones erased,
        LongAccumulator erasedRows, LandingLayout.FileRules rules) {
      this.rules = rules;
      this.erased = erased;
      this.erasedRows = erasedRows;
      this.source = source;
      this.relativeByPath = relativeByPath;
      this.deliveryByPath = deliveryByPath;
      this.runId = runId;
      this.privacy = privacy;
    }

    @Override
    public Iterator<Row> call(Row file) {
      String path = file.getString(0);
      String relative = relativeByPath.getOrDefault(path, path);
      String sha = file.getString(2);
      Date delivery = deliveryByPath.get(path);
      List<Row> rows = new ArrayList<>();
      String encoding = rules.charset(source).name();
      Readers.forFile(source, path, rules).read(path, (byte[]) file.get(1), record -> {
        RawRecord kept = forgetErased(TextIntegrity.check(record, encoding));
        if (kept == null) {
          erasedRows.add(1);
        } else {
          rows.add(toRow(kept, relative, sha, delivery, rows.size()));
        }
      });
      return rows.iterator();
    }

    /** The record without what belongs to an erased worker; null when the whole record does. */
    private RawRecord forgetErased(RawRecord record) {
      java.util.Map<String, String> f = record.fields();
      if (erased.isEmpty() || f == null) {
        return record;
      }
      if (erased.erasesWorker(f.get("worker_id"))
          || (source == LandingSource.ACTIVITY && erased.erasesHostEvent(f.get("hostname"), f.get("timestamp")))) {
        return null;
      }
      if (erased.erasesWorker(f.get("auditor_id")) || erased.erasesWorker(f.get("manager_id"))) {
        java.util.Map<String, String> blanked = new java.util.LinkedHashMap<>(f);
        blanked.computeIfPresent("auditor_id", (k, v) -> erased.erasesWorker(v) ? "" : v);
        blanked.computeIfPresent("manager_id", (k, v) -> erased.erasesWorker(v) ? "" : v);
        return new RawRecord(record.position(), blanked, record.reason(), record.detail());
      }
      return record;
    }

    private Row toRow(RawRecord record, String relative, String sha, Date delivery, long ordinal) {
      Object[] values = new Object[source.fields().size() + 8];
      java.util.Map<String, String> fields = privacy == null ? record.fields() : privacy.apply(record.fields());
      int i = 0;
      for (String f : source.fields()) {
        values[i++] = fields.get(f);
      }
      values[i++] = record.position();
      values[i++] = ordinal;
      values[i++] = record.reason();
      values[i++] = record.detail();
      values[i++] = relative;
      values[i++] = sha;
      values[i++] = delivery;
      values[i] = runId;
      return RowFactory.create(values);
    }
  }
}
