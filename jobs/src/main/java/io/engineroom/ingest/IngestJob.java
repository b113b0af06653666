package io.engineroom.ingest;

import io.engineroom.config.ConfigKeys;
import io.engineroom.config.EngineRoomConfig;
import io.engineroom.config.HashKey;
import io.engineroom.quality.QualityConfig;
import io.engineroom.quality.QualityGate;
import io.engineroom.warehouse.DeltaTables;
import io.engineroom.warehouse.ErasureRegister;
import io.engineroom.warehouse.Layer;
import io.engineroom.warehouse.Warehouse;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;

/**
 * One night of ingest: landing files to bronze (each file's bytes once), then bronze to silver,
 * roster and reference data first because events are checked against them. Fails before anything
 * is published when a source's share of bad rows passes the configured threshold.
 */
public final class IngestJob {
  private final SparkSession spark;
  private final EngineRoomConfig config;
  private final Warehouse warehouse;
  private final LandingLayout landing;
  private final Consumer<String> progress;

  public IngestJob(SparkSession spark, EngineRoomConfig config, Warehouse warehouse, LandingLayout landing,
      Consumer<String> progress) {
    this.spark = spark;
    this.config = config;
    this.warehouse = warehouse;
    this.landing = landing;
    this.progress = progress;
  }

  /** Ingests what the landing zone holds for one delivery date. */
  public IngestReport run(LocalDate delivery, String runId) {
    Map<LandingSource, List<String>> files = new EnumMap<>(LandingSource.class);
    for (LandingSource source : LandingSource.values()) {
      files.put(source, landing.files(source, delivery));
    }
    List<LandingLayout.SkippedFile> skipped = recordSkipped(delivery, runId);
    IngestReport report = run(delivery, runId, files);
    report.skippedFiles.addAll(skipped);
    return report;
  }

  /** Names every entry of the date's landing folders that will not be read, in ops.skipped_files. */
  private List<LandingLayout.SkippedFile> recordSkipped(LocalDate delivery, String runId) {
    List<LandingLayout.SkippedFile> skipped = new java.util.ArrayList<>();
    for (LandingSource source : LandingSource.values()) {
      skipped.addAll(landing.skipped(source, delivery));
    }
    SkippedFiles.record(spark, warehouse, delivery, skipped, runId);
    return skipped;
  }

  /**
   * Catch-up: ingests every delivery from {@code from} to {@code to} as one batch (a backfill or a
   * first load of history). Each file keeps the delivery date of its folder, so roster snapshots
   * stay a history. Silver comes out as if the nights had run one by one (tested), in a fraction of the time.
   */
  public IngestReport runRange(LocalDate from, LocalDate to, String runId) {
    Map<LandingSource, List<String>> files = new EnumMap<>(LandingSource.class);
    for (LandingSource source : LandingSource.values()) {
      java.util.Set<String> all = new java.util.LinkedHashSet<>();
      for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
        all.addAll(landing.files(source, d));
      }
      files.put(source, new java.util.ArrayList<>(all));
    }
    java.util.Set<LandingLayout.SkippedFile> skipped = new java.util.LinkedHashSet<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      skipped.addAll(recordSkipped(d, runId));
    }
    IngestReport report = run(to, runId, files);
    report.skippedFiles.addAll(skipped);
    return report;
  }

  private String isoDate(String key) {
    try {
      return LocalDate.parse(config.get(key)).toString();
    } catch (java.time.format.DateTimeParseException e) {
      throw new io.engineroom.config.ConfigException("Setting '" + key + "' must be a date such as 2000-01-01, got '"
          + config.get(key) + "'.");
    }
  }

  /** Ingests the given files (for example one XES log named on the command line). */
  public IngestReport run(LocalDate delivery, String runId, Map<LandingSource, List<String>> files) {
    IngestReport report = new IngestReport(delivery);
    BronzeLoader bronze = new BronzeLoader(spark, warehouse, landing);
    Map<LandingSource, SourceReport> reports = new EnumMap<>(LandingSource.class);
    SilverContext ctx = new SilverContext(spark, warehouse, delivery, deliveryDates(delivery, files), runId);
    ctx.params.put("max_event_seconds", config.get(ConfigKeys.INGEST_MAX_EVENT_SECONDS));
    ctx.params.put("future_tolerance_hours", config.get(ConfigKeys.INGEST_FUTURE_TOLERANCE_HOURS));
    ctx.params.put("earliest_timestamp", isoDate(ConfigKeys.INGEST_EARLIEST_TIMESTAMP));
    ctx.params.put("earliest_date", isoDate(ConfigKeys.INGEST_EARLIEST_DATE));
    ctx.params.put("latest_date", isoDate(ConfigKeys.INGEST_LATEST_DATE));
    ctx.params.put("system_resource_pattern", sqlRegex(ConfigKeys.INGEST_SYSTEM_RESOURCES));
    Tombstones erased = ErasureRegister.tombstones(spark, warehouse);
    int[] step = {0};
    // Desktop activity lands last: its titles are reduced while read, by tonight's app-category rules.
    for (LandingSource source : LandingSource.values()) {
      if (source != LandingSource.ACTIVITY) {
        loadBronze(bronze, source, files, delivery, runId, null, erased, reports, report, ++step[0], ctx);
      }
    }
    silverStep(delivery, ++step[0], "roster history", upToDate(ctx, reports, LandingSource.ROSTER,
        RosterSilver.HISTORY, RosterSilver.HOSTS), () -> RosterSilver.build(ctx, reports.get(LandingSource.ROSTER)));
    RosterSilver.registerViews(ctx);
    silverStep(delivery, ++step[0], "app categories",
        upToDate(ctx, reports, LandingSource.APP_CATEGORIES, ReferenceSilver.APP_CATEGORIES),
        () -> ReferenceSilver.buildAppCategories(ctx, reports.get(LandingSource.APP_CATEGORIES)));
    ReferenceSilver.registerViews(ctx);
    DesktopPrivacy privacy = new DesktopPrivacy(config.getBoolean(ConfigKeys.PRIVACY_STORE_RAW_TITLES),
        HashKey.from(config, System::getenv),
        DesktopPrivacy.rulesFrom(spark.table(ReferenceSilver.APP_CATEGORIES).collectAsList()));
    loadBronze(bronze, LandingSource.ACTIVITY, files, delivery, runId, privacy, erased, reports, report,
        ++step[0], ctx);

    // Goals are always rebuilt: the table is the latest snapshot as of the night's own date.
    silverStep(delivery, ++step[0], "goals", false,
        () -> ReferenceSilver.buildGoals(ctx, reports.get(LandingSource.GOALS)));
    silverStep(delivery, ++step[0], "register of changes", false,
        () -> ReferenceSilver.buildInterventions(ctx, reports.get(LandingSource.INTERVENTIONS)));
    silverStep(delivery, ++step[0], "work events and items", false,
        () -> WorkSilver.build(ctx, reports.get(LandingSource.WORK_EVENTS)));
    silverStep(delivery, ++step[0], "desktop activity and active time", false,
        () -> ActivitySilver.build(ctx, reports.get(LandingSource.ACTIVITY)));
    silverStep(delivery, ++step[0], "audits", false, () -> AuditSilver.build(ctx, reports.get(LandingSource.AUDITS)));
    silverStep(delivery, ++step[0], "outcomes", upToDate(ctx, reports, LandingSource.OUTCOMES,
        ReferenceSilver.OUTCOMES), () -> ReferenceSilver.buildOutcomes(ctx, reports.get(LandingSource.OUTCOMES)));
    enforceThreshold(report);
    report.quality = new QualityGate(spark, warehouse, QualityConfig.load(checksFile()), progress)
        .run(delivery, runId);
    return report;
  }

  /** A configured regex, checked, as the body of a SQL string literal. */
  private String sqlRegex(String key) {
    String regex = config.get(key);
    try {
      java.util.regex.Pattern.compile(regex);
    } catch (java.util.regex.PatternSyntaxException e) {
      throw new io.engineroom.config.ConfigException("Setting '" + key + "' must be a Java regular expression: "
          + e.getDescription() + " in '" + regex + "'.");
    }
    return regex.replace("\\", "\\\\").replace("'", "\\'");
  }

  /** The dates the files' folders name, or the run's delivery date for files in undated folders. */
  private java.util.Set<LocalDate> deliveryDates(LocalDate delivery, Map<LandingSource, List<String>> files) {
    java.util.Set<LocalDate> dates = new java.util.TreeSet<>();
    dates.add(delivery);
    files.values().forEach(list -> list.forEach(
        f -> dates.add(LandingLayout.deliveryDateOf(landing.relative(f)).orElse(delivery))));
    return dates;
  }

  /** The checks file as configured, relative to the working folder or the Engine Room home. */
  private java.nio.file.Path checksFile() {
    java.nio.file.Path configured = config.getPath(ConfigKeys.QUALITY_CHECKS_PATH);
    String home = System.getProperty("engineroom.home");
    if (!java.nio.file.Files.exists(configured) && home != null && !configured.isAbsolute()) {
      return java.nio.file.Path.of(home).resolve(configured);
    }
    return configured;
  }

  private void loadBronze(BronzeLoader bronze, LandingSource source, Map<LandingSource, List<String>> files,
      LocalDate delivery, String runId, DesktopPrivacy privacy, Tombstones erased,
      Map<LandingSource, SourceReport> reports, IngestReport report, int step, SilverContext ctx) {
    List<String> sourceFiles = files.getOrDefault(source, List.of());
    progress.accept(String.format("ingest %s: bronze %s (%d files) [%d/%d]", delivery, source.tableName(),
        sourceFiles.size(), step, LandingSource.values().length * 2));
    BronzeResult loaded = bronze.load(source, sourceFiles, delivery, runId, privacy, erased);
    ctx.currentVersions.put(source, loaded.currentVersions);
    SourceReport r = new SourceReport(source);
    r.erasedRows = loaded.erasedRows;
    r.newFiles = loaded.newFiles;
    r.skippedFiles = loaded.skippedFiles;
    r.reloadsThisDelivery = loaded.reloadsThisDelivery;
    reports.put(source, r);
    report.sources.add(r);
  }

  private void silverStep(LocalDate delivery, int step, String what, boolean upToDate, Runnable work) {
    progress.accept(String.format("ingest %s: silver %s%s [%d/%d]", delivery, what,
        upToDate ? " (nothing new: as it is)" : "", step, LandingSource.values().length * 2));
    if (!upToDate) {
      work.run();
    }
  }

  /**
   * Whether a reference source's silver tables already hold everything bronze does (for sources
   * whose silver does not depend on the night's date): no new file tonight, none loaded before under
   * tonight's date (a night run again counts and checks its rows again, so a rejected night stays
   * rejected), and every table written after bronze last changed (a night that died between the
   * two rebuilds it). Rebuilding would give the same rows, at seconds each.
   */
  private boolean upToDate(SilverContext ctx, Map<LandingSource, SourceReport> reports, LandingSource source,
      String... tables) {
    SourceReport report = reports.get(source);
    String bronze = warehouse.path(Layer.BRONZE, source.tableName());
    if (!report.newFiles.isEmpty() || report.reloadsThisDelivery || !DeltaTables.exists(spark, bronze)) {
      return false;
    }
    long bronzeChanged = DeltaTables.lastCommitMillis(spark, bronze);
    for (String table : tables) {
      if (!ctx.silverExists(table) || DeltaTables.lastCommitMillis(spark, ctx.silver(table)) < bronzeChanged) {
        return false;
      }
    }
    return true;
  }

  private void enforceThreshold(IngestReport report) {
    double max = config.getDouble(ConfigKeys.INGEST_MAX_BAD_SHARE);
    for (SourceReport s : report.sources) {
      if (s.rowsRead > 0 && s.badShare() > max) {
        String reasons = s.quarantined.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        throw new BatchRejectedException(String.format(
            "%s of %s: %.1f%% of %,d rows are bad (%s), above the limit of %.1f%% (%s). Nothing was published. "
                + "Look at ops.quarantine for %s to see which files and rows, fix or re-deliver them, then re-run "
                + "this night; or raise the limit for this night with --set ingest.max-bad-share=...",
            s.source.tableName(), report.delivery, 100 * s.badShare(), s.rowsRead, reasons, 100 * max,
            ConfigKeys.INGEST_MAX_BAD_SHARE, s.source.tableName()));
      }
    }
  }
}
