package io.engineroom.udfs;

import io.engineroom.udfs.functions.FisherExactTest;
import io.engineroom.udfs.functions.KeyedHash;
import io.engineroom.udfs.functions.PoissonQuantile;
import io.engineroom.udfs.functions.StudentTQuantile;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * Registers every Engine Room SQL function on a session: the jobs call this when they build their
 * session, and the SQL endpoint calls it at start, so SQL means the same everywhere.
 */
public final class FunctionRegistry {
  private FunctionRegistry() {}

  /** The names {@link #registerAll} registers. */
  public static final List<String> NAMES = List.of(KeyedHash.NAME, PoissonQuantile.NAME, FisherExactTest.NAME,
      StudentTQuantile.NAME);

  public static void registerAll(SparkSession spark) {
    spark.udf().register(KeyedHash.NAME, new KeyedHash(), DataTypes.StringType);
    spark.udf().register(PoissonQuantile.NAME, new PoissonQuantile(), DataTypes.IntegerType);
    spark.udf().register(FisherExactTest.NAME, new FisherExactTest(), DataTypes.DoubleType);
    spark.udf().register(StudentTQuantile.NAME, new StudentTQuantile(), DataTypes.DoubleType);
  }
}
