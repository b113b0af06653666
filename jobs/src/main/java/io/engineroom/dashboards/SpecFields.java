package io.engineroom.dashboards;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads one YAML mapping of a dashboard spec, with errors that name the file and the entry. */
final class SpecFields {
  private final String where;
  private final Map<String, Object> fields;

  SpecFields(String where, Object yaml) {
    this.where = where;
    if (!(yaml instanceof Map)) {
      throw new SpecException(where + ": expected a mapping of fields, found " + describe(yaml) + ".");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) yaml;
    this.fields = map;
  }

  String where() {
    return where;
  }

  String text(String name) {
    Object value = fields.get(name);
    if (value == null || value.toString().isBlank()) {
      throw new SpecException(where + ": '" + name + "' is missing; every entry of this kind needs one.");
    }
    return value.toString();
  }

  String text(String name, String fallback) {
    Object value = fields.get(name);
    return value == null ? fallback : value.toString();
  }

  int number(String name, int fallback) {
    Object value = fields.get(name);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number) {
      return ((Number) value).intValue();
    }
    throw new SpecException(where + ": '" + name + "' should be a whole number, found '" + value + "'.");
  }

  List<String> texts(String name) {
    Object value = fields.get(name);
    List<String> out = new ArrayList<>();
    if (value == null) {
      return out;
    }
    if (!(value instanceof List)) {
      throw new SpecException(where + ": '" + name + "' should be a list, found '" + value + "'.");
    }
    for (Object item : (List<?>) value) {
      out.add(item.toString());
    }
    return out;
  }

  List<SpecFields> entries(String name) {
    Object value = fields.get(name);
    List<SpecFields> out = new ArrayList<>();
    if (value == null) {
      return out;
    }
    if (!(value instanceof List)) {
      throw new SpecException(where + ": '" + name + "' should be a list, found '" + value + "'.");
    }
    int index = 0;
    for (Object item : (List<?>) value) {
      index++;
      String label = item instanceof Map && ((Map<?, ?>) item).get("name") != null ? "'" + ((Map<?, ?>) item).get("name")
          + "'" : item instanceof Map && ((Map<?, ?>) item).get("title") != null
          ? "'" + ((Map<?, ?>) item).get("title") + "'" : "#" + index;
      out.add(new SpecFields(where + ": " + name + " " + label, item));
    }
    return out;
  }

  private static String describe(Object yaml) {
    return yaml == null ? "nothing" : "'" + yaml + "'";
  }
}
