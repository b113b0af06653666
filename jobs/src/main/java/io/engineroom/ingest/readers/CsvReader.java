package io.engineroom.ingest.readers;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * RFC 4180 CSV with a header, in any column order. Positions are the 1-based line where a record
 * starts (the header is line 1), so a person can open the file at that line.
 */
public final class CsvReader implements LandingFileReader {
  private final List<String> fields;
  private final List<String> optional;

  private final Charset charset;

  public CsvReader(List<String> fields, List<String> optional, Charset charset) {
    this.fields = fields;
    this.optional = optional;
    this.charset = charset;
  }

  public CsvReader(List<String> fields, List<String> optional) {
    this(fields, optional, StandardCharsets.UTF_8);
  }

  @Override
  public void read(String fileName, byte[] content, Consumer<RawRecord> out) {
    Parser parser = new Parser(LandingText.decode(content, charset));
    List<String> header = parser.next();
    if (header == null) {
      out.accept(RawRecord.bad("1", Map.of(), "EMPTY_FILE", "The file is empty; expected a header line."));
      return;
    }
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      index.put(header.get(i).trim().toLowerCase(), i);
    }
    List<String> missing = new ArrayList<>();
    for (String f : fields) {
      if (!index.containsKey(f) && !optional.contains(f)) {
        missing.add(f);
      }
    }
    if (!missing.isEmpty()) {
      out.accept(RawRecord.bad("1", Map.of(), "MISSING_COLUMN", "Header lacks " + missing + "; it has " + header
          + ". Export the columns CONTRACTS.md lists (any order)."));
      return;
    }
    while (true) {
      long line = parser.line;
      List<String> values = parser.next();
      if (values == null) {
        break;
      }
      if (parser.unclosedQuote) {
        // Everything after the opening quote would become one field: report this record and read
        // on from the line after it, so the rows it would have swallowed are not lost.
        out.accept(RawRecord.bad(Long.toString(line), Map.of(), "UNCLOSED_QUOTE", "A quoted field opened on line "
            + line + " never closes, so the record cannot be told apart from the lines after it. The lines after it "
            + "were read as records of their own; fix the quoting on line " + line + " and deliver the file again."));
        parser.restartAfterLine();
        continue;
      }
      if (values.size() == 1 && values.get(0).isEmpty()) {
        continue; // blank line
      }
      Map<String, String> record = new LinkedHashMap<>();
      for (String f : fields) {
        Integer i = index.get(f);
        record.put(f, i != null && i < values.size() ? values.get(i) : "");
      }
      if (values.size() != header.size()) {
        boolean cutOff = parser.atEnd() && !parser.endedWithNewline;
        out.accept(RawRecord.bad(Long.toString(line), record, cutOff ? "TRUNCATED_ROW" : "MALFORMED_ROW",
            "Expected " + header.size() + " fields, found " + values.size()
                + (cutOff ? "; the file ends mid-row, so the delivery was cut off. Ask for the file again." : ".")));
        continue;
      }
      out.accept(RawRecord.ok(Long.toString(line), record));
    }
  }

  /** A small RFC 4180 tokenizer: quoted fields may hold commas, quotes and line breaks. */
  private static final class Parser {
    private final String s;
    private int pos;
    long line = 1;
    boolean endedWithNewline;
    /** The last record began with a quote that never closed before the end of the file. */
    boolean unclosedQuote;
    private int recordStart;
    private long recordLine;

    Parser(String s) {
      this.s = s;
    }

    boolean atEnd() {
      return pos >= s.length();
    }

    List<String> next() {
      if (pos >= s.length()) {
        return null;
      }
      recordStart = pos;
      recordLine = line;
      unclosedQuote = false;
      List<String> values = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      while (pos < s.length()) {
        char c = s.charAt(pos++);
        if (quoted) {
          if (c == '"') {
            if (pos < s.length() && s.charAt(pos) == '"') {
              field.append('"');
              pos++;
            } else {
              quoted = false;
            }
          } else {
            if (c == '\n') {
              line++;
            }
            field.append(c);
          }
        } else if (c == '"' && field.length() == 0) {
          quoted = true;
        } else if (c == ',') {
          values.add(field.toString());
          field.setLength(0);
        } else if (c == '\n' || c == '\r') {
          if (c == '\r' && pos < s.length() && s.charAt(pos) == '\n') {
            pos++;
          }
          line++;
          values.add(field.toString());
          endedWithNewline = true;
          return values;
        } else {
          field.append(c);
        }
      }
      values.add(field.toString());
      endedWithNewline = false;
      unclosedQuote = quoted;
      return values;
    }

    /** Goes back to the first line after the one the last record began on. */
    void restartAfterLine() {
      int newline = s.indexOf('\n', recordStart);
      pos = newline < 0 ? s.length() : newline + 1;
      line = recordLine + 1;
      unclosedQuote = false;
    }
  }
}
