package io.engineroom.warehouse;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * Makes the warehouse's Delta tables queryable by name ({@code silver.work_items}) in any session:
 * a schema per layer, a table per Delta folder. The tables stay external, so dropping a name never
 * deletes data.
 */
public final class WarehouseCatalog {
  private WarehouseCatalog() {}

  /** Registers every Delta table found under the warehouse; returns the qualified names. */
  public static List<String> registerAll(SparkSession spark, Warehouse warehouse) {
    return register(spark, warehouse, List.of(Layer.values()));
  }

  /** Registers the Delta tables of the given layers; returns the qualified names. */
  public static List<String> register(SparkSession spark, Warehouse warehouse, List<Layer> layers) {
    List<String> names = new ArrayList<>();
    for (Layer layer : layers) {
      spark.sql("CREATE DATABASE IF NOT EXISTS " + layer.schema());
      for (String table : warehouse.tables(spark, layer)) {
        String name = layer.schema() + "." + table;
        spark.sql("CREATE TABLE IF NOT EXISTS " + name + " USING delta LOCATION '"
            + warehouse.path(layer, table).replace("'", "\\'") + "'");
        spark.sql("REFRESH TABLE " + name);
        names.add(name);
      }
    }
    return names;
  }
}
