package io.engineroom.run;

import java.util.ArrayList;
import java.util.List;

/** What a stage did, table by table, for the run history. */
public final class StageOutcome {
  /** Rows in and out of one table during the stage. */
  public record TableCount(String table, long rowsIn, long rowsOut, long quarantined) {}

  public final List<TableCount> tables = new ArrayList<>();
  public long checksPassed;
  public long checksFailed;
  /** One line for the run summary. */
  public String headline = "";

  public StageOutcome table(String table, long rowsIn, long rowsOut, long quarantined) {
    tables.add(new TableCount(table, rowsIn, rowsOut, quarantined));
    return this;
  }
}
