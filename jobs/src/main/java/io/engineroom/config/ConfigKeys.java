package io.engineroom.config;

/**
 * Every configuration key Engine Room reads, with its default. Keys use dots for hierarchy and
 * hyphens inside a concept. Under spark-submit the same keys are given as
 * {@code --conf spark.engineroom.<rest>}.
 */
public final class ConfigKeys {
  private ConfigKeys() {}

  /** Where the customer's systems drop files, laid out as in CONTRACTS.md. */
  public static final String LANDING_PATH = "engineroom.landing.path";
  public static final String LANDING_PATH_DEFAULT = "landing";

  /** Root of the Delta warehouse (bronze, silver, gold, ops). */
  public static final String WAREHOUSE_PATH = "engineroom.warehouse.path";
  public static final String WAREHOUSE_PATH_DEFAULT = "warehouse";

  /** Folder of the dbt-style project the model runner builds. */
  public static final String MODELS_PATH = "engineroom.models.path";
  public static final String MODELS_PATH_DEFAULT = "dbt-style-models";

  /** Spark master when none is given by spark-submit. */
  public static final String SPARK_MASTER = "engineroom.spark.master";
  public static final String SPARK_MASTER_DEFAULT = "local[*]";

  /** Shuffle partitions; small by default because one night of one back office is small. */
  public static final String SPARK_SHUFFLE_PARTITIONS = "engineroom.spark.shuffle-partitions";
  public static final String SPARK_SHUFFLE_PARTITIONS_DEFAULT = "4";

  /**
   * Spark's adaptive query execution: {@code auto} turns it off on one machine (local master), where
   * re-planning every stage of a night's ~900 small queries costs more than it saves (bench/), and
   * leaves it on for a cluster; {@code true} or {@code false} force it.
   */
  public static final String SPARK_ADAPTIVE = "engineroom.spark.adaptive";
  public static final String SPARK_ADAPTIVE_DEFAULT = "auto";

  /**
   * How many independent Spark jobs a night runs at once (models whose refs are built, gold tables
   * being published, erasure's per-table rewrites), as dbt's {@code --threads}. A 2-core night is
   * CPU-bound and gains nothing measurable; erasure and machines with more cores do.
   */
  public static final String SPARK_THREADS = "engineroom.spark.threads";
  public static final String SPARK_THREADS_DEFAULT = "4";

  /** A batch whose share of bad rows passes this fails the night before anything is published. */
  public static final String INGEST_MAX_BAD_SHARE = "engineroom.ingest.max-bad-share";
  public static final String INGEST_MAX_BAD_SHARE_DEFAULT = "0.05";

  /** Events further in the future than this (relative to the run) are quarantined. */
  public static final String INGEST_FUTURE_TOLERANCE_HOURS = "engineroom.ingest.future-tolerance-hours";
  public static final String INGEST_FUTURE_TOLERANCE_HOURS_DEFAULT = "24";

  /** An ActivityWatch event longer than this is absurd and quarantined. */
  public static final String INGEST_MAX_EVENT_SECONDS = "engineroom.ingest.max-event-seconds";
  public static final String INGEST_MAX_EVENT_SECONDS_DEFAULT = "43200";

  /** A landing file larger than this is not read (reported as FILE_TOO_BIG). */
  public static final String INGEST_MAX_FILE_BYTES = "engineroom.ingest.max-file-bytes";
  public static final String INGEST_MAX_FILE_BYTES_DEFAULT = "1073741824";
  /** For producers that cannot write under a temporary name: a file younger than this is not read yet. */
  public static final String INGEST_MIN_FILE_AGE_SECONDS = "engineroom.ingest.min-file-age-seconds";
  public static final String INGEST_MIN_FILE_AGE_SECONDS_DEFAULT = "0";

  /** A gzip landing file may unpack to at most this many times its size (and ingest.max-file-bytes). */
  public static final String INGEST_MAX_UNPACK_RATIO = "engineroom.ingest.max-unpack-ratio";
  public static final String INGEST_MAX_UNPACK_RATIO_DEFAULT = "100";
  /** Text encoding per source folder when not UTF-8, e.g. "audits=windows-1252"; bytes invalid in it are quarantined. */
  public static final String INGEST_ENCODINGS = "engineroom.ingest.encodings";
  public static final String INGEST_ENCODINGS_DEFAULT = "";
  /** Event and audit timestamps before this day are impossible for a back office and quarantined. */
  /**
   * Work-event resources that are a system, not a person (a ticketing system's own user, a batch
   * job): a Java regex over the whole id. Their events count as automated work, never a person's.
   */
  public static final String INGEST_SYSTEM_RESOURCES = "engineroom.ingest.system-resources";
  public static final String INGEST_SYSTEM_RESOURCES_DEFAULT =
      "(?i)(system|sys|batch|scheduler|robot|rpa|bot|.*[-_ ]bot|automated|automation)";
  public static final String INGEST_EARLIEST_TIMESTAMP = "engineroom.ingest.earliest-timestamp";
  public static final String INGEST_EARLIEST_TIMESTAMP_DEFAULT = "2000-01-01";
  /** Roster and goal dates (hire, termination, effective) outside this range are quarantined. */
  public static final String INGEST_EARLIEST_DATE = "engineroom.ingest.earliest-date";
  public static final String INGEST_EARLIEST_DATE_DEFAULT = "1900-01-01";
  public static final String INGEST_LATEST_DATE = "engineroom.ingest.latest-date";
  public static final String INGEST_LATEST_DATE_DEFAULT = "2199-12-31";

  /** The Deequ checks run on silver every night (conf/quality-checks.yaml; the jar's copy if absent). */
  public static final String QUALITY_CHECKS_PATH = "engineroom.quality.checks-path";
  public static final String QUALITY_CHECKS_PATH_DEFAULT = "conf/quality-checks.yaml";

  /**
   * Refused when set: the secret for keyed hashes never lives in a settings file, on a command line
   * or in Spark properties, all of which end up in logs. See the two settings below.
   */
  public static final String PRIVACY_HASH_KEY = "engineroom.privacy.hash-key";
  public static final String PRIVACY_HASH_KEY_DEFAULT = "";
  /** Environment variable holding the secret for keyed hashes (pseudonyms, title hashes). */
  public static final String PRIVACY_HASH_KEY_ENV = "engineroom.privacy.hash-key-env";
  public static final String PRIVACY_HASH_KEY_ENV_DEFAULT = "ENGINEROOM_HASH_KEY";
  /** Or a file holding it (a mounted secret); read when the variable is empty. */
  public static final String PRIVACY_HASH_KEY_FILE = "engineroom.privacy.hash-key-file";
  public static final String PRIVACY_HASH_KEY_FILE_DEFAULT = "";

  /**
   * Keep raw window titles and full URLs in bronze and silver. Off by default: titles carry customer
   * data; what analytics needs (app, category, domain, a keyed hash) is derived while reading.
   */
  public static final String PRIVACY_STORE_RAW_TITLES = "engineroom.privacy.store-raw-titles";
  public static final String PRIVACY_STORE_RAW_TITLES_DEFAULT = "false";

  // Metric parameters, as named in METRICS.md.
  public static final String METRICS_MIN_SHIFT_SHARE = "engineroom.metrics.min-shift-share";
  public static final String METRICS_MIN_SHIFT_SHARE_DEFAULT = "0.5";
  public static final String METRICS_RAMP_UP_DAYS = "engineroom.metrics.ramp-up-days";
  public static final String METRICS_RAMP_UP_DAYS_DEFAULT = "60";
  /** Active time this long before the shift or after its end is not yet after-hours work. */
  public static final String METRICS_AFTER_HOURS_GRACE_MINUTES = "engineroom.metrics.after-hours-grace-minutes";
  public static final String METRICS_AFTER_HOURS_GRACE_MINUTES_DEFAULT = "60";
  public static final String GOALS_WINDOW_DAYS = "engineroom.goals.window-days";
  public static final String GOALS_WINDOW_DAYS_DEFAULT = "28";
  public static final String GOALS_EARLY_SHARE = "engineroom.goals.early-share";
  public static final String GOALS_EARLY_SHARE_DEFAULT = "0.25";
  public static final String GOALS_TOO_EASY_SHARE = "engineroom.goals.too-easy-share";
  public static final String GOALS_TOO_EASY_SHARE_DEFAULT = "0.80";
  public static final String GOALS_TOO_HARD_ATTAINMENT = "engineroom.goals.too-hard-attainment";
  public static final String GOALS_TOO_HARD_ATTAINMENT_DEFAULT = "0.30";
  public static final String GOALS_MIN_WORKER_DAYS = "engineroom.goals.min-worker-days";
  public static final String GOALS_MIN_WORKER_DAYS_DEFAULT = "20";
  public static final String GOALS_ATTAINMENT_GOAL = "engineroom.goals.attainment-goal";
  public static final String GOALS_ATTAINMENT_GOAL_DEFAULT = "0.80";
  public static final String FAIRNESS_PERSIST_PERIODS = "engineroom.fairness.persist-periods";
  public static final String FAIRNESS_PERSIST_PERIODS_DEFAULT = "2";
  public static final String FAIRNESS_MIN_AUDITS = "engineroom.fairness.min-audits";
  public static final String FAIRNESS_MIN_AUDITS_DEFAULT = "20";
  /** Did a change work (fct_improvement): days compared on each side of its date. */
  public static final String IMPROVEMENT_WINDOW_DAYS = "engineroom.improvement.window-days";
  public static final String IMPROVEMENT_WINDOW_DAYS_DEFAULT = "56";
  /** Cluster-bootstrap replicates (resampling workers) behind each interval. */
  public static final String IMPROVEMENT_REPLICATES = "engineroom.improvement.replicates";
  public static final String IMPROVEMENT_REPLICATES_DEFAULT = "400";
  /** Fewer workers than this in a group before or after: not judgeable. */
  public static final String IMPROVEMENT_MIN_WORKERS = "engineroom.improvement.min-workers";
  public static final String IMPROVEMENT_MIN_WORKERS_DEFAULT = "3";
  public static final String MINING_MIN_ITEMS = "engineroom.mining.min-items";
  public static final String MINING_MIN_ITEMS_DEFAULT = "50";
  public static final String MINING_MIN_SUPPORT = "engineroom.mining.min-support";
  public static final String MINING_MIN_SUPPORT_DEFAULT = "0.02";
  /** Best practices are mined over this many days up to the night's date. */
  public static final String MINING_WINDOW_DAYS = "engineroom.mining.window-days";
  public static final String MINING_WINDOW_DAYS_DEFAULT = "28";
  public static final String MINING_MAX_PATTERN_LENGTH = "engineroom.mining.max-pattern-length";
  public static final String MINING_MAX_PATTERN_LENGTH_DEFAULT = "5";
  /** Desktop steps as applications ('app') or app categories ('category'). */
  public static final String MINING_STEP_LEVEL = "engineroom.mining.step-level";
  public static final String MINING_STEP_LEVEL_DEFAULT = "app";
  /** Patterns are reported when their Benjamini–Hochberg q is at most this. */
  public static final String MINING_FALSE_DISCOVERY_RATE = "engineroom.mining.false-discovery-rate";
  public static final String MINING_FALSE_DISCOVERY_RATE_DEFAULT = "0.05";
  public static final String MINING_BOOTSTRAP_RESAMPLES = "engineroom.mining.bootstrap-resamples";
  public static final String MINING_BOOTSTRAP_RESAMPLES_DEFAULT = "400";
  /** A SCHEDULE→START wait longer than this is a procedural problem. */
  public static final String MINING_LONG_WAIT_HOURS = "engineroom.mining.long-wait-hours";
  public static final String MINING_LONG_WAIT_HOURS_DEFAULT = "8";

  // The SQL endpoint (engineroom serve).
  /** Address the Thrift server listens on; loopback unless you mean to expose it. */
  public static final String SERVE_HOST = "engineroom.serve.host";
  public static final String SERVE_HOST_DEFAULT = "127.0.0.1";
  public static final String SERVE_PORT = "engineroom.serve.port";
  public static final String SERVE_PORT_DEFAULT = "10000";
  /** none, or password (user + the password in the environment variable below). */
  public static final String SERVE_AUTH = "engineroom.serve.auth";
  public static final String SERVE_AUTH_DEFAULT = "none";
  public static final String SERVE_USER = "engineroom.serve.user";
  public static final String SERVE_USER_DEFAULT = "engineroom";
  /** Environment variable holding the password: never in a file under version control or in ps. */
  public static final String SERVE_PASSWORD_ENV = "engineroom.serve.password-env";
  public static final String SERVE_PASSWORD_ENV_DEFAULT = "ENGINEROOM_SERVE_PASSWORD";
  /** Role of the single user above (its password in the environment variable). */
  public static final String SERVE_USER_ROLE = "engineroom.serve.user-role";
  public static final String SERVE_USER_ROLE_DEFAULT = "dashboards";
  /** Roles and users of the endpoint (the copy in the jar when the file is absent). */
  public static final String SERVE_ACCESS_FILE = "engineroom.serve.access-file";
  public static final String SERVE_ACCESS_FILE_DEFAULT = "conf/serve-access.yaml";
  /** Role of every connection when serve.auth=none (allowed on loopback only). */
  public static final String SERVE_ANONYMOUS_ROLE = "engineroom.serve.anonymous-role";
  public static final String SERVE_ANONYMOUS_ROLE_DEFAULT = "dashboards";
  /** A Java keystore (JKS or PKCS12) with the endpoint's TLS certificate; empty: no TLS. */
  public static final String SERVE_TLS_KEYSTORE = "engineroom.serve.tls-keystore";
  public static final String SERVE_TLS_KEYSTORE_DEFAULT = "";
  /** Environment variable holding the keystore's password. */
  public static final String SERVE_TLS_KEYSTORE_PASSWORD_ENV = "engineroom.serve.tls-keystore-password-env";
  public static final String SERVE_TLS_KEYSTORE_PASSWORD_ENV_DEFAULT = "ENGINEROOM_TLS_KEYSTORE_PASSWORD";
  /** Spark's web UI for serve (it shows every query's text and plan): off unless asked for. */
  public static final String SERVE_UI = "engineroom.serve.ui";
  public static final String SERVE_UI_DEFAULT = "false";
  /** How often the server looks for a newly published night. */
  public static final String SERVE_REFRESH_SECONDS = "engineroom.serve.refresh-seconds";
  public static final String SERVE_REFRESH_SECONDS_DEFAULT = "10";

  /** Currency that money marts report in. */
  public static final String MONEY_REPORTING_CURRENCY = "engineroom.money.reporting-currency";
  public static final String MONEY_REPORTING_CURRENCY_DEFAULT = "EUR";
}
