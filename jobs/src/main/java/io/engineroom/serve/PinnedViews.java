package io.engineroom.serve;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;

/**
 * The gold views the server itself defined, each pinned to a published Delta version. A view counts
 * as pinned only if its definition is exactly one the server wrote, so a view someone else made
 * under the same name gains nothing. Every definition the server wrote stays recognised: a reader
 * that resolved the view just before it moved to the next publication still holds the old text, and
 * that text reads a version that was published, so it is as safe as the new one. One short string
 * per table per publication the server saw.
 */
final class PinnedViews {
  private final Map<String, Set<String>> definitions = new ConcurrentHashMap<>();

  void define(String qualifiedName, String definition) {
    definitions.computeIfAbsent(qualifiedName, name -> ConcurrentHashMap.newKeySet()).add(definition);
  }

  boolean isPinned(CatalogTable view) {
    String name = view.identifier().database().isDefined()
        ? view.identifier().database().get() + "." + view.identifier().table() : view.identifier().table();
    Set<String> written = definitions.get(name);
    return written != null && view.viewText().isDefined() && written.contains(view.viewText().get());
  }
}
