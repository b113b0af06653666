package io.engineroom.ingest;

import java.util.List;

/**
 * The landing sources of CONTRACTS.md: where each is delivered and the raw fields its bronze table
 * keeps (all as text: typing happens on the way to silver, where a failure has a reason code).
 */
public enum LandingSource {
  WORK_EVENTS("work_events", List.of("event_id", "source_system", "case_id", "work_item_id", "task_type", "worker_id",
      "lifecycle", "ts", "automated", "attributes"), List.of("attributes")),
  // title and url hold values only with privacy.store-raw-titles; title_hash and matched_rules are
  // derived from them while the file is read (DesktopPrivacy).
  ACTIVITY("activity", List.of("bucket_id", "bucket_type", "client", "hostname", "timestamp", "duration", "app",
      "title", "url", "status", "title_hash", "matched_rules"), List.of()),
  AUDITS("audits", List.of("audit_id", "work_item_id", "auditor_id", "audited_at", "outcome", "score",
      "error_category", "severity"), List.of()),
  ROSTER("roster", List.of("worker_id", "display_name", "team_id", "team_name", "manager_id", "site_id",
      "site_timezone", "role", "hire_date", "termination_date", "hostnames", "shift_start", "shift_hours",
      "loaded_cost_per_hour", "currency", "fte"), List.of()),
  GOALS("goals", List.of("goal_id", "team_id", "task_type", "metric", "target", "effective_from", "effective_to"),
      List.of()),
  OUTCOMES("outcomes", List.of("month", "team_id", "csat", "retention_rate", "complaints", "revenue", "currency",
      "remediation_cost_per_error"), List.of()),
  INTERVENTIONS("interventions", List.of("intervention_id", "kind", "title", "effective_date", "team_id", "task_type",
      "site_id"), List.of()),
  APP_CATEGORIES("reference", List.of("priority", "match_field", "pattern", "category", "productive"), List.of());

  private final String folder;
  private final List<String> fields;
  private final List<String> optionalFields;

  LandingSource(String folder, List<String> fields, List<String> optionalFields) {
    this.folder = folder;
    this.fields = fields;
    this.optionalFields = optionalFields;
  }

  /** Folder under the landing root. */
  public String folder() {
    return folder;
  }

  /** The contract's fields, in the order bronze stores them. */
  public List<String> fields() {
    return fields;
  }

  /**
   * Fields that can hold free text about people or customers (titles, URLs, names, free-form
   * attributes): never copied into ops.quarantine, which many people read.
   */
  public static final java.util.Set<String> FREE_TEXT_FIELDS = java.util.Set.of("title", "url", "title_hash",
      "matched_rules", "display_name", "attributes");

  /** Fields a file may leave out entirely (read as empty). */
  public List<String> optionalFields() {
    return optionalFields;
  }

  /**
   * A full snapshot delivered daily (roster, goals, interventions): the same bytes on another day are a new
   * snapshot that says "nothing changed", not a re-sent file.
   */
  public boolean isDailySnapshot() {
    return this == ROSTER || this == GOALS || this == INTERVENTIONS;
  }

  /** Name of the bronze and quarantine source label, e.g. {@code work_events}. */
  public String tableName() {
    return name().toLowerCase();
  }
}
