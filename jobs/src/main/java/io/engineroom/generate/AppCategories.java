package io.engineroom.generate;

import java.nio.file.Path;

/** The reference rules that classify the synthetic back office's applications. */
final class AppCategories {
  private AppCategories() {}

  static void write(Path file) {
    try (CsvFileWriter csv = new CsvFileWriter(file, "priority", "match_field", "pattern", "category", "productive")) {
      csv.row("10", "app", "(?i)^(ClaimsHub|KycPro|LoanStation|PaymentsDesk|CrmDesk)$", "core_system", "true");
      csv.row("20", "app", "(?i)^LegacyTerminal$", "core_system", "true");
      csv.row("30", "app", "(?i)^(Outlook|Teams|Slack)$", "communication", "true");
      csv.row("40", "app", "(?i)^(ClaimsGuide|Confluence)$", "knowledge", "true");
      csv.row("50", "app", "(?i)^(Excel|Word)$", "office", "true");
      csv.row("60", "url", "(?i)youtube\\.com|news\\.example|shop\\.example|facebook\\.com", "non_work", "false");
      csv.row("70", "url", "(?i)intranet\\.bank\\.example", "knowledge", "true");
      csv.row("80", "title", "(?i)youtube|facebook", "non_work", "false");
      csv.row("90", "app", "(?i)^(LockApp\\.exe|loginwindow|ScreenSaverEngine)$", "idle_system", "false");
    }
  }
}
