package io.engineroom.ingest.readers;

import java.util.Locale;
import java.util.Map;

/**
 * Maps an XES {@code lifecycle:transition} to the contract's lifecycle (issue #18). XES lets a log
 * declare its own lifecycle model ({@code lifecycle:model}), so any value is standard-conforming:
 * the standard model's transitions map as the contract says; any other value (a ticket system's
 * "In Progress", "Awaiting Assignment", "Wait - User") is a step of the activity at that moment,
 * read as COMPLETE, with the value kept as the event's {@code status} attribute. A log is never
 * rejected for its lifecycle model.
 */
final class XesTransitions {
  private static final Map<String, String> STANDARD = Map.ofEntries(
      Map.entry("schedule", "SCHEDULE"),
      Map.entry("assign", "ASSIGN"),
      Map.entry("reassign", "ASSIGN"),
      Map.entry("start", "START"),
      Map.entry("suspend", "SUSPEND"),
      Map.entry("resume", "RESUME"),
      Map.entry("complete", "COMPLETE"),
      // the activity ended without its work done: withdrawn, skipped or aborted
      Map.entry("ate_abort", "ABORT"),
      Map.entry("pi_abort", "ABORT"),
      Map.entry("withdraw", "ABORT"),
      Map.entry("autoskip", "ABORT"),
      Map.entry("manualskip", "ABORT"),
      // the contract's own upper-case names, as other tools write them
      Map.entry("abort", "ABORT"));

  private XesTransitions() {}

  /** The contract lifecycle for a transition; an event without one is a completion (XES default). */
  static String lifecycle(String transition) {
    if (transition == null || transition.isBlank()) {
      return "COMPLETE";
    }
    return STANDARD.getOrDefault(transition.trim().toLowerCase(Locale.ROOT), "COMPLETE");
  }

  /** The value to keep as the event's status: a transition outside the standard model, else null. */
  static String status(String transition) {
    if (transition == null || transition.isBlank()) {
      return null;
    }
    return STANDARD.containsKey(transition.trim().toLowerCase(Locale.ROOT)) ? null : transition.trim();
  }
}
