package io.engineroom.models;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.el.ext.NamedParameter;
import com.hubspot.jinjava.interpret.InterpretException;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.UnknownTokenException;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * dbt's Jinja, rendered by Jinjava: the models, tests and the macros under {@code macros/} may use
 * Jinja as dbt users write it ({@code set}, {@code for}, {@code if}, filters, macros), plus dbt's
 * {@code ref}, {@code source}, {@code var}, {@code config}, {@code this}, {@code is_incremental()}
 * and {@code execute}, answered by a {@link TemplateScope}. Unknown names, unknown functions and
 * syntax errors fail with the file and line rather than leaving text behind for Spark to trip on.
 */
final class JinjaTemplates {
  /** The scope of the render running on this thread (a ref may render another model inside it). */
  private static final ThreadLocal<Render> CURRENT = new ThreadLocal<>();

  private final Jinjava jinjava;
  private final Map<Path, String> macroFiles;
  private final List<Macro> macros;

  private JinjaTemplates(Map<Path, String> macroFiles) {
    this.macroFiles = macroFiles;
    this.macros = findMacros(macroFiles);
    // Behave as Python's Jinja2 does where Jinjava's defaults differ (operator precedence, lists
    // rendered as ['a', 'b'], iterating a dict gives its keys), since the same templates run under dbt.
    this.jinjava = new Jinjava(JinjavaConfig.newBuilder().withFailOnUnknownTokens(true)
        .withLegacyOverrides(LegacyOverrides.newBuilder().withUseNaturalOperatorPrecedence(true)
            .withUsePyishObjectMapper(true).withIterateOverMapKeys(true).withEvaluateMapKeys(true).build())
        .build());
    register("ref", "ref", String.class);
    register("source", "source", String.class, String.class);
    register("var", "var", Object[].class);
    register("config", "config", Object[].class);
    register("is_incremental", "isIncremental");
  }

  /** The engine for a project whose shared macros are the {@code .sql} files under {@code macroDirs}. */
  static JinjaTemplates forMacros(List<Path> macroDirs) {
    Map<Path, String> macros = new LinkedHashMap<>();
    for (Path dir : macroDirs) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".sql")).sorted().collect(Collectors.toList())) {
          macros.put(f, Files.readString(f, StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the macros in " + dir, e);
      }
    }
    return new JinjaTemplates(macros);
  }

  /** A macro of the project, as dbt's manifest lists it. */
  record Macro(String name, Path file, String sql) {}

  private static final Pattern MACRO = Pattern.compile(
      "\\{%-?\\s*macro\\s+(\\w+)\\s*\\(.*?\\{%-?\\s*endmacro\\s*-?%}", Pattern.DOTALL);

  /** The macros defined under {@code macros/}, in file order. */
  List<Macro> macros() {
    return macros;
  }

  private static List<Macro> findMacros(Map<Path, String> macroFiles) {
    List<Macro> macros = new ArrayList<>();
    macroFiles.forEach((file, text) -> {
      Matcher m = MACRO.matcher(text);
      while (m.find()) {
        macros.add(new Macro(m.group(1), file, m.group()));
      }
    });
    return List.copyOf(macros);
  }

  /** Renders one template; every failure names {@code file} (or the macro file) and the line. */
  String render(Path file, String template, TemplateScope scope) {
    Render previous = CURRENT.get();
    Render render = new Render(scope);
    CURRENT.set(render);
    JinjavaInterpreter interpreter = jinjava.newInterpreter();
    interpreter.getContext().put("this", scope.thisRelation());
    interpreter.getContext().put("execute", scope.execute());
    JinjavaInterpreter.pushCurrent(interpreter);
    try {
      for (Map.Entry<Path, String> macro : macroFiles.entrySet()) {
        renderChecked(interpreter, render, macro.getKey(), macro.getValue()); // defines the macros
      }
      return renderChecked(interpreter, render, file, template);
    } finally {
      JinjavaInterpreter.popCurrent();
      CURRENT.set(previous);
    }
  }

  private static String renderChecked(JinjavaInterpreter interpreter, Render render, Path file, String template) {
    int errorsBefore = interpreter.getErrors().size();
    String out;
    try {
      out = interpreter.render(template);
    } catch (UnknownTokenException e) {
      throw failure(file, e.getLineNumber(), "'" + e.getToken() + "' is not defined. dbt names available: ref, "
          + "source, var, config, this, is_incremental(), execute, and the macros under macros/.");
    } catch (InterpretException e) {
      throw failure(file, e.getLineNumber(), e.getMessage());
    }
    if (render.problem != null) {
      throw failure(file, render.problem.line, render.problem.getMessage());
    }
    List<TemplateError> errors = interpreter.getErrors();
    if (errors.size() > errorsBefore) {
      TemplateError first = errors.get(errorsBefore);
      throw failure(file, first.getLineno(), first.getMessage());
    }
    return out;
  }

  private static ModelException failure(Path file, int line, String message) {
    return new ModelException(file + " line " + line + ": " + message);
  }

  private void register(String name, String method, Class<?>... parameters) {
    try {
      Method m = Functions.class.getDeclaredMethod(method, parameters);
      m.setAccessible(true);
      jinjava.getGlobalContext().registerFunction(new ELFunctionDefinition("", name, m));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One render in progress: its scope, and the first problem one of dbt's functions ran into. */
  private static final class Render {
    final TemplateScope scope;
    TemplateProblem problem;

    Render(TemplateScope scope) {
      this.scope = scope;
    }

    /** Jinjava turns an exception in a function into a generic error; keep the real message and line. */
    <T> T call(java.util.function.IntFunction<T> body) {
      int line = JinjavaInterpreter.getCurrent().getLineNumber();
      try {
        return body.apply(line);
      } catch (TemplateProblem e) {
        record(e);
        throw e;
      } catch (RuntimeException e) {
        record(new TemplateProblem(line, String.valueOf(e.getMessage())));
        throw e;
      }
    }

    private void record(TemplateProblem e) {
      if (problem == null) {
        problem = e;
      }
    }
  }

  /** The functions Jinjava calls; each asks the scope of the render running on this thread. */
  static final class Functions {
    private Functions() {}

    static String ref(String model) {
      return CURRENT.get().call(line -> CURRENT.get().scope.ref(model, line));
    }

    static String source(String source, String table) {
      return CURRENT.get().call(line -> CURRENT.get().scope.source(source, table, line));
    }

    static String var(Object... args) {
      return CURRENT.get().call(line -> {
        if (args.length < 1 || args.length > 2) {
          throw new TemplateProblem(line, "var() takes a name and an optional default, e.g. var('goal_window_days', 28)");
        }
        return CURRENT.get().scope.var(String.valueOf(args[0]), args.length == 2 ? args[1] : null, line);
      });
    }

    static String config(Object... args) {
      return CURRENT.get().call(line -> {
        Map<String, String> settings = new LinkedHashMap<>();
        for (Object arg : args) {
          if (!(arg instanceof NamedParameter)) {
            throw new TemplateProblem(line, "config() takes named settings only, e.g. config(materialized='table')");
          }
          NamedParameter p = (NamedParameter) arg;
          settings.put(p.getName(), asText(p.getValue()));
        }
        CURRENT.get().scope.config(settings);
        return "";
      });
    }

    static boolean isIncremental() {
      return CURRENT.get().scope.isIncremental();
    }

    /** Lists become {@code a, b} (unique_key, partition_by, tags); everything else its text. */
    private static String asText(Object value) {
      if (value instanceof Collection<?> values) {
        List<String> parts = new ArrayList<>();
        values.forEach(v -> parts.add(String.valueOf(v)));
        return String.join(", ", parts);
      }
      return String.valueOf(value);
    }
  }
}
