package io.engineroom.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SQL statement kept as a resource file next to the code that runs it, with {@code ${name}}
 * placeholders for table locations and parameters. An unknown placeholder is an error, not a blank.
 */
final class SqlScript {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_.]+)}");

  private SqlScript() {}

  static String load(String name, Map<String, String> params) {
    String resource = "sql/" + name + ".sql";
    try (InputStream in = SqlScript.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing SQL resource " + resource);
      }
      String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Matcher m = PLACEHOLDER.matcher(sql);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String value = params.get(m.group(1));
        if (value == null) {
          throw new IllegalStateException(resource + " needs parameter ${" + m.group(1) + "}");
        }
        m.appendReplacement(out, Matcher.quoteReplacement(value));
      }
      m.appendTail(out);
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
