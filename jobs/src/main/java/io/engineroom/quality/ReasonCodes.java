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
    put("MISSING_UTC_OFFSET", "The time has no offset (e.g. 2026-03-29T08:15:02 or a bare date), so which instant it means is unknown. Export it with its offset (+02:00) or Z.");
    put("IMPLAUSIBLE_TIMESTAMP", "The time is before ingest.earliest-timestamp (2000-01-01 by default): a default or a typo in the source. Correct it there.");
    put("DATE_OUT_OF_RANGE", "The date is outside ingest.earliest-date .. ingest.latest-date (1900-01-01 .. 2199-12-31 by default). Correct it in the source.");
    put("INVALID_TEXT", "A field holds bytes that are not valid in the source's declared encoding (UTF-8 unless ingest.encodings says otherwise), or a NUL. Re-export in that encoding, or declare the one the source uses.");
    put("UNCLOSED_QUOTE", "A quoted field opens and never closes; the lines after it were read as rows of their own. Fix the quoting on that line.");
    put("MALFORMED_EVENT", "An element of an ActivityWatch bucket's events is not an event object (null, a number). The events around it were kept.");
    put("MALFORMED_BUCKET", "An ActivityWatch bucket is not an object with events. Re-export the bucket.");
    put("REDELIVERED", "Already loaded: the same row in another file or an earlier delivery, or the same event under another id (a log re-exported under another name). Counted once; not an error.");
    put("UNKNOWN_LIFECYCLE", "lifecycle must be one of SCHEDULE, ASSIGN, START, SUSPEND, RESUME, COMPLETE, ABORT. Map the source system's states to these.");
    put("BAD_BOOLEAN", "Expected true or false. Fix the export.");
    put("BAD_NUMBER", "Expected a number. Fix the export.");
    put("BAD_DATE", "Expected a date YYYY-MM-DD. Fix the export.");
    put("FUTURE_EVENT", "The event is later than the end of its delivery day (plus tolerance). Check the source system's clock and time zone.");
    put("UNKNOWN_WORKER", "worker_id is not in any roster snapshot. Add the worker to the roster or correct the id, then re-run the night.");
    put("UNKNOWN_HOSTNAME", "No roster row lists this hostname. Add it to the worker's hostnames in the roster, then re-run the night.");
    put("DUPLICATE", "The same id appears twice in one file; the first copy was kept.");
    put("CONFLICTING_DUPLICATE", "A row with this id was already loaded (or comes earlier in this delivery) with different content; the first version was kept. Check the source system for edited rows.");
    put("TRUNCATED_ROW", "The file ends in the middle of this row: the delivery was cut off. Ask for the file again.");
    put("MALFORMED_ROW", "The row has a different number of fields than the header, or a JSON line is not exactly one object (two objects, trailing text, a key given twice). Check the export.");
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
    put("UNREADABLE_NAME", "The file name holds a colon, which Hadoop file systems (and so Spark) cannot open. Rename the file without ':' and re-run the night.");
    put("FILE_TOO_BIG", "Larger than ingest.max-file-bytes: not read, so one file cannot exhaust the server's memory. Split it, or raise the limit.");
  }

  private static void put(String code, String text) {
    EXPLANATIONS.put(code, text);
  }
}
