package io.engineroom.ingest.readers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestJsonLinesReader {
  @Test
  void readsOneObjectPerLineKeepingNestedValuesAsJson() {
    String text = "{\"event_id\": \"e1\", \"lifecycle\": \"START\", \"attributes\": {\"amount\": 5000}}\n\n"
        + "{\"event_id\": \"e2\", \"worker_id\": null}\nnot json\n{\"event_id\": \"e3\"";
    List<RawRecord> out = new ArrayList<>();
    new JsonLinesReader(List.of("event_id", "worker_id", "lifecycle", "attributes"))
        .read("x.jsonl", text.getBytes(StandardCharsets.UTF_8), out::add);
    assertThat(out).hasSize(4);
    assertThat(out.get(0).fields()).containsEntry("attributes", "{\"amount\":5000}").containsEntry("worker_id", "");
    assertThat(out.get(1).position()).as("blank lines keep the numbering").isEqualTo("3");
    assertThat(out.get(2).reason()).isEqualTo("MALFORMED_ROW");
    assertThat(out.get(3).reason()).as("a last line cut off").isEqualTo("TRUNCATED_ROW");
  }

  @Test
  void aLineIsOneObjectAndNothingElse() {
    List<RawRecord> out = new java.util.ArrayList<>();
    String lines = "{\"a\": \"1\"}\n{\"a\": \"2\"} {\"a\": \"3\"}\n{\"a\": \"4\", \"a\": \"5\"}\n"
        + "{\"a\": \"6\"} trailing\n[1]\n{\"a\": \"7\"}\n";
    new JsonLinesReader(List.of("a")).read("f.jsonl", lines.getBytes(java.nio.charset.StandardCharsets.UTF_8), out::add);
    assertThat(out).extracting(RawRecord::reason)
        .containsExactly(null, "MALFORMED_ROW", "MALFORMED_ROW", "MALFORMED_ROW", "MALFORMED_ROW", null);
    assertThat(out.get(5).fields()).containsEntry("a", "7");
  }
}
