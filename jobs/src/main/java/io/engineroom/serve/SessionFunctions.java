package io.engineroom.serve;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.analysis.FunctionRegistry;
import org.apache.spark.sql.catalyst.expressions.ExpressionInfo;
import scala.Tuple3;

/**
 * Makes functions registered on one session exist in every session created after it. The Thrift
 * server opens a fresh session per connection, and fresh sessions start from the built-in functions
 * plus the session extensions; so each function is added to the extensions, Spark's own hook for
 * functions every session should have. The only place the endpoint touches Scala types.
 */
final class SessionFunctions {
  private SessionFunctions() {}

  static void shareWithNewSessions(SparkSession spark, List<String> names) {
    FunctionRegistry registry = spark.sessionState().functionRegistry();
    for (String name : names) {
      FunctionIdentifier id = new FunctionIdentifier(name);
      ExpressionInfo info = registry.lookupFunction(id).get();
      spark.extensions().injectFunction(new Tuple3<>(id, info, registry.lookupFunctionBuilder(id).get()));
    }
  }
}
