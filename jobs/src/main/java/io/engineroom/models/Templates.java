package io.engineroom.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of dbt's Jinja that Engine Room's models use: {@code ref}, {@code source},
 * {@code config}, {@code var}, {@code this} and {@code is_incremental()} blocks. Anything else in
 * {@code {{ }}} or {@code {% %}} is rejected with its line, rather than passed through silently.
 */
final class Templates {
  static final Pattern EXPRESSION = Pattern.compile("\\{\\{\\s*(.*?)\\s*}}", Pattern.DOTALL);
  private static final Pattern REF = Pattern.compile("ref\\(\\s*['\"]([\\w]+)['\"]\\s*\\)");
  private static final Pattern SOURCE = Pattern.compile("source\\(\\s*['\"](\\w+)['\"]\\s*,\\s*['\"](\\w+)['\"]\\s*\\)");
  private static final Pattern CONFIG = Pattern.compile("config\\((.*)\\)", Pattern.DOTALL);
  private static final Pattern VAR = Pattern.compile("var\\(\\s*['\"]([\\w.-]+)['\"]\\s*(?:,\\s*(.+?))?\\s*\\)");
  private static final Pattern KWARG = Pattern.compile("(\\w+)\\s*=\\s*(\\[[^\\]]*]|'[^']*'|\"[^\"]*\"|[\\w.]+)");
  private static final Pattern INCREMENTAL_BLOCK = Pattern.compile(
      "\\{%-?\\s*if\\s+is_incremental\\(\\)\\s*-?%}(.*?)\\{%-?\\s*endif\\s*-?%}", Pattern.DOTALL);
  private static final Pattern ANY_TAG = Pattern.compile("\\{%.*?%}", Pattern.DOTALL);

  private Templates() {}

  /** Reads the config() call and the refs of a model without rendering it. */
  static Map<String, String> config(String sql) {
    Map<String, String> config = new LinkedHashMap<>();
    Matcher m = EXPRESSION.matcher(sql);
    while (m.find()) {
      Matcher c = CONFIG.matcher(m.group(1));
      if (c.matches()) {
        Matcher kv = KWARG.matcher(c.group(1));
        while (kv.find()) {
          config.put(kv.group(1), unquote(kv.group(2)));
        }
      }
    }
    return config;
  }

  /** The {@code source('layer', 'table')} calls of a model, as "layer.table". */
  static List<String> sources(String sql) {
    List<String> sources = new ArrayList<>();
    Matcher m = SOURCE.matcher(sql);
    while (m.find()) {
      String name = m.group(1) + "." + m.group(2);
      if (!sources.contains(name)) {
        sources.add(name);
      }
    }
    return sources;
  }

  static List<String> refs(String sql) {
    List<String> refs = new ArrayList<>();
    Matcher m = REF.matcher(sql);
    while (m.find()) {
      if (!refs.contains(m.group(1))) {
        refs.add(m.group(1));
      }
    }
    return refs;
  }

  /** Renders a model's SQL for Spark. */
  static String render(Model model, Function<String, String> refToRelation,
      java.util.function.BiFunction<String, String, String> sourceToRelation, Map<String, String> vars,
      String thisRelation, boolean incremental) {
    String sql = model.rawSql();
    Matcher block = INCREMENTAL_BLOCK.matcher(sql);
    StringBuilder withBlocks = new StringBuilder();
    while (block.find()) {
      String kept = incremental ? block.group(1) : "";
      // keep the line count so error line numbers still point into the file
      kept = kept + "\n".repeat(Math.max(0, countLines(block.group(0)) - countLines(kept)));
      block.appendReplacement(withBlocks, Matcher.quoteReplacement(kept));
    }
    block.appendTail(withBlocks);
    sql = withBlocks.toString();
    Matcher stray = ANY_TAG.matcher(sql);
    if (stray.find()) {
      throw new ModelException(model.file() + " line " + lineOf(sql, stray.start()) + ": unsupported tag "
          + stray.group() + ". The model runner supports {% if is_incremental() %} ... {% endif %} only.");
    }
    Matcher m = EXPRESSION.matcher(sql);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String expr = m.group(1);
      String replacement;
      Matcher r;
      if ((r = REF.matcher(expr)).matches()) {
        replacement = refToRelation.apply(r.group(1));
      } else if ((r = SOURCE.matcher(expr)).matches()) {
        replacement = sourceToRelation.apply(r.group(1), r.group(2));
      } else if (CONFIG.matcher(expr).matches()) {
        replacement = "";
      } else if ((r = VAR.matcher(expr)).matches()) {
        String value = vars.get(r.group(1));
        if (value == null && r.group(2) == null) {
          throw new ModelException(model.file() + " line " + lineOf(sql, m.start()) + ": var('" + r.group(1)
              + "') has no value and no default. Set it under vars: in dbt_project.yml.");
        }
        replacement = value != null ? value : unquote(r.group(2).trim());
      } else if (expr.equals("this")) {
        replacement = thisRelation;
      } else {
        throw new ModelException(model.file() + " line " + lineOf(sql, m.start()) + ": unsupported expression {{ "
            + expr + " }}. Supported: ref, source, config, var, this.");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement + "\n".repeat(countLines(m.group()))));
    }
    m.appendTail(out);
    return out.toString();
  }

  static int lineOf(String text, int offset) {
    return countLines(text.substring(0, offset)) + 1;
  }

  static int countLines(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }

  private static String unquote(String s) {
    if (s.length() >= 2 && (s.startsWith("'") && s.endsWith("'") || s.startsWith("\"") && s.endsWith("\""))) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }
}
