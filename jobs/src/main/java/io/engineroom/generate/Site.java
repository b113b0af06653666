package io.engineroom.generate;

import java.time.LocalTime;
import java.time.ZoneId;

/** A site of the back office: its time zone decides each worker's local day. */
record Site(String id, String name, ZoneId zone, String currency, double costPerHour, LocalTime shiftStart) {

  /**
   * Manila never changes its clocks; Amsterdam and New York switch to summer time in March, so a
   * period around spring crosses daylight-saving changes on two different dates.
   */
  static final Site[] ALL = {
      new Site("MNL", "Manila", ZoneId.of("Asia/Manila"), "PHP", 850.0, LocalTime.of(7, 0)),
      new Site("AMS", "Amsterdam", ZoneId.of("Europe/Amsterdam"), "EUR", 48.0, LocalTime.of(8, 30)),
      new Site("NYC", "New York", ZoneId.of("America/New_York"), "USD", 55.0, LocalTime.of(9, 0)),
  };
}
