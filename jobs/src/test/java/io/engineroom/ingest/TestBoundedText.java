package io.engineroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class TestBoundedText {
  @Test
  void matchesAsRlikeDoes() {
    assertThat(BoundedText.find(Pattern.compile("(?i)case \\d+"), "CRM - Case 42 - Jane Doe")).isTrue();
    assertThat(BoundedText.find(Pattern.compile("^Inbox"), "Mail - Inbox")).isFalse();
  }

  @Test
  @Timeout(120) // a guard against hanging the build, not a speed goal: unbounded, this never ends
  void aCatastrophicPatternIsAbandonedNotRunForHours() {
    // (a+)+$ against a run of a's and one b backtracks 2^n ways: without a bound, n = 40 never ends.
    String title = "a".repeat(40) + "b";
    assertThat(BoundedText.find(Pattern.compile("(a+)+$"), title)).isFalse();
  }
}
