package io.engineroom.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes an RFC 4180 CSV file row by row, counting lines so bad rows can be located. The last row
 * can be cut short to simulate a truncated delivery.
 */
final class CsvFileWriter implements AutoCloseable {
  private final Path path;
  private final BufferedWriter out;
  private long line;
  private String lastRow;

  CsvFileWriter(Path path, String... header) {
    this.path = path;
    try {
      Files.createDirectories(path.getParent());
      this.out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + path, e);
    }
    row(header);
  }

  Path path() {
    return path;
  }

  /** Writes a row and returns its 1-based line number (the header is line 1). */
  long row(String... fields) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(quote(fields[i]));
    }
    flushPending();
    lastRow = sb.toString();
    return ++line;
  }

  /** Cuts the last written row in half and ends the file without a newline. */
  void truncateLastRow() {
    if (lastRow != null) {
      lastRow = lastRow.substring(0, Math.max(1, lastRow.length() / 2));
      write(lastRow);
      lastRow = null;
    }
  }

  long lines() {
    return line;
  }

  private void flushPending() {
    if (lastRow != null) {
      write(lastRow + "\n");
    }
  }

  private void write(String s) {
    try {
      out.write(s);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + path, e);
    }
  }

  static String quote(String field) {
    if (field == null) {
      return "";
    }
    if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0) {
      return '"' + field.replace("\"", "\"\"") + '"';
    }
    return field;
  }

  @Override
  public void close() {
    flushPending();
    lastRow = null;
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close " + path, e);
    }
  }
}
