package io.engineroom.serve;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTableValuedFunction;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.PlanExpression;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import scala.Product;
import scala.collection.JavaConverters;

/**
 * The first half of the endpoint's check, on the statement a client sent, as Spark parsed it and
 * before anything is looked up: every relation must name a table of a schema the catalog holds
 * ({@code csv.`/etc/passwd`} and {@code delta.`/warehouse/bronze/x`} name files, not tables), no
 * time travel, table functions only of the harmless kind, no reflection. The second half
 * ({@link StatementGuard}) runs on the analysed plan. The parsed plan is the right place for these
 * because only there is a client's own relation told apart from the reads Delta makes for itself
 * while answering (its transaction log), which the analysed plan shows the same way.
 */
final class ParsedStatementGuard {
  private static final Set<String> TABLE_FUNCTIONS = Set.of("range", "explode", "explode_outer", "inline",
      "inline_outer", "posexplode", "posexplode_outer", "stack", "json_tuple");
  private static final Set<String> FORBIDDEN_FUNCTIONS = Set.of("reflect", "java_method", "try_reflect",
      "input_file_name", "input_file_block_start", "input_file_block_length");
  /** Leaves a parsed statement may have besides relations and table functions. */
  private static final Set<String> LEAVES = Set.of("OneRowRelation", "UnresolvedInlineTable", "LocalRelation",
      "Range", "UnresolvedNamespace", "CurrentNamespace", "UnresolvedTable", "UnresolvedTableOrView",
      "UnresolvedView", "UnresolvedFunctionName", "UnresolvedIdentifier", "UnresolvedDBObjectName",
      "UnresolvedPartitionSpec");

  private final Predicate<String> schemaExists;

  /** @param schemaExists whether the catalog holds a schema (database) of that name */
  ParsedStatementGuard(Predicate<String> schemaExists) {
    this.schemaExists = schemaExists;
  }

  void check(LogicalPlan statement, Principal principal) {
    visit(statement, principal);
  }

  private void visit(Object node, Principal principal) {
    if (node instanceof LogicalPlan) {
      checkPlan((LogicalPlan) node, principal);
    } else if (node instanceof Expression) {
      checkExpression((Expression) node, principal);
    }
    if (node instanceof scala.collection.Iterable) {
      for (Object element : JavaConverters.asJavaIterable((scala.collection.Iterable<?>) node)) {
        visit(element, principal);
      }
    } else if (node instanceof scala.Option) {
      scala.Option<?> option = (scala.Option<?>) node;
      if (option.isDefined()) {
        visit(option.get(), principal);
      }
    } else if (node instanceof Product && (node instanceof LogicalPlan || node instanceof Expression
        || node.getClass().getName().startsWith("scala.Tuple"))) {
      // Children, expressions, CTE definitions, EXPLAIN's statement: every plan the node carries.
      for (Object element : JavaConverters.asJavaIterable(((Product) node).productIterator().toIterable())) {
        visit(element, principal);
      }
    }
    if (node instanceof PlanExpression) {
      visit(((PlanExpression<?>) node).plan(), principal);
    }
  }

  private void checkPlan(LogicalPlan plan, Principal principal) {
    String kind = plan.getClass().getSimpleName();
    if (plan instanceof UnresolvedRelation) {
      checkRelation(JavaConverters.seqAsJavaList(((UnresolvedRelation) plan).multipartIdentifier()), principal);
    } else if (kind.equals("RelationTimeTravel")) {
      throw StatementGuard.refused(principal, "time travel (VERSION/TIMESTAMP AS OF); only the published "
          + "version of each table is served");
    } else if (plan instanceof UnresolvedTableValuedFunction) {
      List<String> name = JavaConverters.seqAsJavaList(((UnresolvedTableValuedFunction) plan).name());
      String function = name.get(name.size() - 1).toLowerCase(Locale.ROOT);
      if (name.size() > 1 || !TABLE_FUNCTIONS.contains(function)) {
        throw StatementGuard.refused(principal, "the table function " + String.join(".", name)
            + "; only " + TABLE_FUNCTIONS + " run here");
      }
    } else if (plan.children().isEmpty() && !(plan instanceof Command) && !LEAVES.contains(kind)) {
      throw StatementGuard.refused(principal, "a statement reading from " + kind
          + "; only the served tables can be read");
    }
  }

  private void checkRelation(List<String> identifier, Principal principal) {
    List<String> parts = identifier;
    if (parts.size() == 3 && parts.get(0).equalsIgnoreCase("spark_catalog")) {
      parts = parts.subList(1, 3);
    }
    if (parts.size() > 2 || (parts.size() == 2 && !schemaExists.test(parts.get(0)))) {
      throw StatementGuard.refused(principal, "reading files by path or from another catalog ("
          + String.join(".", identifier) + "); query the served tables by name, e.g. gold.fct_worker_day");
    }
  }

  private static void checkExpression(Expression expression, Principal principal) {
    if (expression instanceof UnresolvedFunction) {
      List<String> name = JavaConverters.seqAsJavaList(((UnresolvedFunction) expression).nameParts());
      String function = name.get(name.size() - 1).toLowerCase(Locale.ROOT);
      if (FORBIDDEN_FUNCTIONS.contains(function)) {
        throw StatementGuard.refused(principal, function.contains("input_file")
            ? "input_file_name() and its kin: they reveal the server's file paths"
            : "calling Java methods (reflect, java_method)");
      }
    }
  }
}
