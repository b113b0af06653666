package io.engineroom.serve;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;

/**
 * The gold views the server itself defined, each pinned to a published Delta version. A view counts
 * as pinned only if its definition is exactly the one the server wrote, so a view someone else made
 * under the same name gains nothing.
 */
final class PinnedViews {
  private final Map<String, String> definitions = new ConcurrentHashMap<>();

  void define(String qualifiedName, String definition) {
    definitions.put(qualifiedName, definition);
  }

  boolean isPinned(CatalogTable view) {
    String name = view.identifier().database().isDefined()
        ? view.identifier().database().get() + "." + view.identifier().table() : view.identifier().table();
    String expected = definitions.get(name);
    return expected != null && view.viewText().isDefined() && expected.equals(view.viewText().get());
  }
}
