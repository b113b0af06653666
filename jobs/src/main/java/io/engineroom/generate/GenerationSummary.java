package io.engineroom.generate;

import java.util.ArrayList;
import java.util.List;

/** What a generation run wrote, for the closing line and the manifest. */
public final class GenerationSummary {
  public long days;
  public long workerDays;
  public long events;
  public long windowEvents;
  public double seconds;
  public final List<String> redeliveredFiles = new ArrayList<>();

  @Override
  public String toString() {
    return String.format("Generated %,d days, %,d worker-days, %,d work events and %,d desktop events in %.1f s.",
        days, workerDays, events, windowEvents, seconds);
  }
}
