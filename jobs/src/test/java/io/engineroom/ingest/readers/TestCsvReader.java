package io.engineroom.ingest.readers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestCsvReader {
  private final CsvReader reader = new CsvReader(List.of("a", "b", "c"), List.of("c"));

  private List<RawRecord> read(String text) {
    List<RawRecord> out = new ArrayList<>();
    reader.read("f.csv", text.getBytes(StandardCharsets.UTF_8), out::add);
    return out;
  }

  @Test
  void readsAnyColumnOrderAndQuotedFieldsWithTheirStartLine() {
    List<RawRecord> rows = read("c,b,a\n\"{\"\"k\"\": 1, \"\"m\"\": 2}\",x,1\n\"multi\nline\",y,2\n");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).fields()).containsEntry("a", "1").containsEntry("c", "{\"k\": 1, \"m\": 2}");
    assertThat(rows.get(1).position()).as("a record starting on line 3").isEqualTo("3");
    assertThat(rows.get(1).fields().get("c")).isEqualTo("multi\nline");
  }

  @Test
  void optionalColumnMayBeMissingButRequiredMayNot() {
    assertThat(read("a,b\n1,2\n").get(0).fields()).containsEntry("c", "");
    RawRecord missing = read("a,c\n1,2\n").get(0);
    assertThat(missing.reason()).isEqualTo("MISSING_COLUMN");
    assertThat(missing.detail()).contains("[b]");
  }

  @Test
  void aCutOffLastRowIsTruncatedAndAShortMiddleRowIsMalformed() {
    List<RawRecord> rows = read("a,b\n1,2\n3\n4,5\n6");
    assertThat(rows).extracting(RawRecord::reason).containsExactly(null, "MALFORMED_ROW", null, "TRUNCATED_ROW");
    assertThat(rows.get(3).position()).isEqualTo("5");
  }

  @Test
  void aQuoteThatNeverClosesLosesOnlyItsOwnRecord() {
    for (String broken : List.of("4,\"5", "\"4,5")) { // in the last column and in the first
      List<RawRecord> rows = read("a,b\n1,2\n" + broken + "\n6,7\n8,9\n");
      assertThat(rows).extracting(RawRecord::reason).containsExactly(null, "UNCLOSED_QUOTE", null, null);
      assertThat(rows.get(1).position()).isEqualTo("3");
      assertThat(rows.get(3).position()).isEqualTo("5");
      assertThat(rows.get(3).fields()).containsEntry("a", "8").containsEntry("b", "9");
    }
  }

  @Test
  void bytesThatAreNotTheDeclaredEncodingAreMarkedNotReplacedSilently() {
    byte[] latin1 = "a,b\n1,Caf\u00e9\n2,ok\n".getBytes(StandardCharsets.ISO_8859_1);
    List<RawRecord> out = new ArrayList<>();
    reader.read("f.csv", latin1, r -> out.add(TextIntegrity.check(r, "UTF-8")));
    assertThat(out).extracting(RawRecord::reason).containsExactly("INVALID_TEXT", null);
    assertThat(out.get(0).detail()).contains("[b]");

    List<RawRecord> declared = new ArrayList<>();
    new CsvReader(List.of("a", "b", "c"), List.of("c"), StandardCharsets.ISO_8859_1)
        .read("f.csv", latin1, r -> declared.add(TextIntegrity.check(r, "ISO-8859-1")));
    assertThat(declared.get(0).fields()).containsEntry("b", "Caf\u00e9");
    assertThat(declared.get(0).reason()).isNull();

    List<RawRecord> nul = new ArrayList<>();
    reader.read("f.csv", "a,b\n1,x\u0000y\n".getBytes(StandardCharsets.UTF_8), r -> nul.add(TextIntegrity.check(r, "UTF-8")));
    assertThat(nul.get(0).reason()).isEqualTo("INVALID_TEXT");
  }
}
