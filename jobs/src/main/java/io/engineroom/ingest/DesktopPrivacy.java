package io.engineroom.ingest;

import io.engineroom.udfs.functions.KeyedHash;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;

/**
 * What bronze keeps of a desktop event's window title and URL. Titles carry customer names and
 * URLs carry case numbers, so unless {@code privacy.store-raw-titles} is on, both are reduced while
 * the file is read: the title to a keyed hash (when a key is configured) and to the app-category
 * rules it matches, the URL to its scheme and host. Runs on the executors; the key travels inside
 * this object, never in SQL text or a plan.
 */
public final class DesktopPrivacy implements Serializable {
  private static final long serialVersionUID = 1L;
  private final boolean storeRaw;
  private final String key;
  private final List<Rule> rules;

  /** An app-category rule that looks at the title or the URL (app rules are applied in silver). */
  record Rule(int priority, String field, Pattern pattern) implements Serializable {}

  DesktopPrivacy(boolean storeRaw, String key, List<Rule> rules) {
    this.storeRaw = storeRaw;
    this.key = key;
    this.rules = List.copyOf(rules);
  }

  /** The title and URL rules of silver.app_categories as they are tonight. */
  static List<Rule> rulesFrom(List<Row> appCategories) {
    List<Rule> rules = new ArrayList<>();
    for (Row r : appCategories) {
      String field = r.getAs("match_field");
      if ("title".equals(field) || "url".equals(field)) {
        rules.add(new Rule(r.<Integer>getAs("priority"), field, Pattern.compile(r.getAs("pattern"))));
      }
    }
    rules.sort(java.util.Comparator.comparingInt(Rule::priority)); // the same bronze bytes on any cluster
    return rules;
  }

  /** The fields bronze stores for one event: raw title and URL replaced unless configured. */
  Map<String, String> apply(Map<String, String> read) {
    Map<String, String> kept = new LinkedHashMap<>(read);
    String title = nullIfEmpty(read.get("title"));
    String url = nullIfEmpty(read.get("url"));
    kept.put("matched_rules", rules.stream()
        .filter(rule -> matches(rule, rule.field.equals("title") ? title : url))
        .map(rule -> Integer.toString(rule.priority)).collect(Collectors.joining(",")));
    kept.put("title_hash", title == null || key.isEmpty() ? null : KeyedHash.hash(title, key));
    if (!storeRaw) {
      kept.put("title", null);
      kept.put("url", siteOf(url));
    }
    return kept;
  }

  private static boolean matches(Rule rule, String text) {
    return text != null && BoundedText.find(rule.pattern, text); // rlike's semantics, with bounded work
  }

  /** {@code https://crm.example.org/case/123?name=x} becomes {@code https://crm.example.org}. */
  static String siteOf(String url) {
    if (url == null) {
      return null;
    }
    try {
      URI uri = new URI(url);
      return uri.getScheme() == null || uri.getHost() == null ? null : uri.getScheme() + "://" + uri.getHost();
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static String nullIfEmpty(String text) {
    return text == null || text.isEmpty() ? null : text;
  }
}
