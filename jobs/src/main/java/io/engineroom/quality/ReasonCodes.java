package io.engineroom.quality;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every reason a row can be quarantined for, with what was expected and what to do about it. The
 * text goes into the quarantine table's {@code detail} column, which the data-quality dashboard shows.
 */
public final class ReasonCodes {
  private ReasonCodes() {}

  public static final Map<String, String> EXPLANATIONS = new LinkedHashMap<>();

  static {
    put("MISSING_KEY", "A required field is empty (ids, type, lifecycle, time). Fix the export so every row has them.");
    put("BAD_TIMESTAMP", "The time is not ISO-8601 with an offset, e.g. 2026-03-29T08:15:02.120+02:00. Fix the export's date format.");
    put("UNKNOWN_LIFECYCLE", "lifecycle must be one of SCHEDULE, ASSIGN, START, SUSPEND, RESUME, COMPLETE, ABORT. Map the source system's states to these.");
    put("BAD_BOOLEAN", "Expected true or false. Fix the export.");
    put("BAD_NUMBER", "Expected a number. Fix the export.");
    put("BAD_DATE", "Expected a date YYYY-MM-DD. Fix the export.");
    put("FUTURE_EVENT", "The event is later than the end of its delivery day (plus tolerance). Check the source system's clock and time zone.");
    put("UNKNOWN_WORKER", "worker_id is not in any roster snapshot. Add the worker to the roster or correct the id, then re-run the night.");
    put("UNKNOWN_HOSTNAME", "No roster row lists this hostname. Add it to the worker's hostnames in the roster, then re-run the night.");
    put("DUPLICATE", "The same row appears twice in one file; the first copy was kept.");
    put("CONFLICTING_DUPLICATE", "An event with this id was already loaded with different content; the first version was kept. Check the source system for edited events.");
    put("TRUNCATED_ROW", "The file ends in the middle of this row: the delivery was cut off. Ask for the file again.");
    put("MALFORMED_ROW", "The row has a different number of fields than the header. Check quoting in the export.");
    put("MALFORMED_JSON", "The JSON could not be read from here on; earlier events were kept. Re-export the buckets.");
    put("MALFORMED_XML", "The XES log could not be read from here on; earlier events were kept. Re-export the log.");
    put("MISSING_COLUMN", "The header lacks a contract column. Export the columns CONTRACTS.md lists (any order).");
    put("EMPTY_FILE", "The file is empty. Ask for the file again.");
    put("NEGATIVE_DURATION", "duration is negative. Check the ActivityWatch database of this host.");
    put("ABSURD_DURATION", "duration is longer than the configured maximum (engineroom.ingest.max-event-seconds).");
    put("BAD_OUTCOME", "outcome must be PASS or FAIL.");
    put("SCORE_OUT_OF_RANGE", "score must be between 0 and 100, or empty.");
    put("BAD_SEVERITY", "severity must be minor, major, critical or empty.");
    put("UNKNOWN_WORK_ITEM", "No work event mentions this work_item_id. Deliver the item's events, or correct the id.");
    put("BAD_TIMEZONE", "site_timezone is not an IANA time zone name such as Asia/Manila.");
    put("UNKNOWN_METRIC", "metric must be daily_items, standard_handle_seconds or quality_pass_rate.");
    put("UNKNOWN_MATCH_FIELD", "match_field must be app, title or url.");
    put("BAD_PATTERN", "pattern is not a valid Java regular expression.");
    // Whole files in the landing that were not read (ops.skipped_files).
    put("SYMBOLIC_LINK", "A symbolic link: never followed, so nothing outside the landing folder is read. Deliver the file itself.");
    put("NOT_A_FILE", "A folder inside a delivery folder: not read. Put the files directly in the dated folder.");
    put("INCOMPLETE_FILE", "Still being written (a temporary name: leading . or _, or .part/.tmp; or younger than ingest.min-file-age-seconds). It is read once it has its final name; re-run the night then.");
    put("NOT_A_CONTRACT_FILE", "Not a file this source reads (see CONTRACTS.md for the names and extensions). Rename or convert it, or remove it.");
    put("FILE_TOO_BIG", "Larger than ingest.max-file-bytes: not read, so one file cannot exhaust the server's memory. Split it, or raise the limit.");
  }

  private static void put(String code, String text) {
    EXPLANATIONS.put(code, text);
  }
}
