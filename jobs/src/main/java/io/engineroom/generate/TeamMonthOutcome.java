package io.engineroom.generate;

/**
 * Sums a team's month so its customer and finance outcomes can depend on efficiency and quality
 * (plus noise): the association the outcome-link mart has to find.
 */
final class TeamMonthOutcome {
  double handleSeconds;
  double earnedSeconds;
  long items;
  double expectedFailures;

  void add(SimulatedDay day) {
    handleSeconds += day.handleSeconds;
    earnedSeconds += day.earnedSeconds;
    items += day.completed.size();
    for (SimulatedDay.Completed c : day.completed) {
      expectedFailures += c.failProbability();
    }
  }

  String[] row(String month, Team team, Rng rng) {
    double efficiency = handleSeconds > 0 ? earnedSeconds / handleSeconds : 1.0;
    double failRate = items > 0 ? expectedFailures / items : 0.05;
    double csat = clamp(3.9 + 0.8 * (efficiency - 1.0) - 6.0 * (failRate - 0.06) + 0.05 * rng.gaussian(), 1, 5);
    double retention = clamp(0.90 + 0.08 * (efficiency - 1.0) - 0.6 * (failRate - 0.06) + 0.01 * rng.gaussian(), 0, 1);
    long complaints = Math.max(0, Math.round(items * failRate * 0.1 + rng.gaussian()));
    String currency = team.site().currency();
    double unitRevenue = currency.equals("PHP") ? 250.0 : 5.0;
    double revenue = items * unitRevenue * (1.0 + 0.2 * (csat - 4.0));
    double remediation = currency.equals("PHP") ? 1800.0 : currency.equals("USD") ? 40.0 : 35.0;
    return new String[] {month, team.id(), fmt(csat, 2), fmt(retention, 4), Long.toString(complaints),
        fmt(revenue, 2), currency, fmt(remediation, 2)};
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  private static String fmt(double v, int decimals) {
    return String.format(java.util.Locale.ROOT, "%." + decimals + "f", v);
  }
}
