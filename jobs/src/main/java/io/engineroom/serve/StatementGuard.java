package io.engineroom.serve;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.apache.spark.sql.catalyst.expressions.Attribute;
import org.apache.spark.sql.catalyst.expressions.CallMethodViaReflection;
import org.apache.spark.sql.catalyst.expressions.ExprId;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.PlanExpression;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.View;
import org.apache.spark.sql.delta.files.TahoeLogFileIndex;
import org.apache.spark.sql.execution.command.SetCommand;
import org.apache.spark.sql.execution.datasources.HadoopFsRelation;
import org.apache.spark.sql.execution.datasources.LogicalRelation;
import scala.Option;
import scala.Tuple2;
import scala.collection.JavaConverters;

/**
 * The second half of the endpoint's check, on the plan Spark has analysed, before anything runs:
 * commands only SHOW / DESCRIBE / EXPLAIN / USE and a few session settings (any command for a role
 * that may write, but never one that loads code); every table and view read must be one the role
 * may read, at its current version; no column the role hides is referenced; no reflection. Works
 * on plan node types, never on SQL text, so no spelling, comment or nesting gets around it; an
 * unknown command is refused. Files by path are refused as the client wrote them
 * ({@link ParsedStatementGuard}), because here Delta's reads of its own log look the same.
 */
final class StatementGuard {
  /** Commands a read-only principal may run, by Spark's class name (v2 and v1 forms). */
  private static final Set<String> READ_COMMANDS = Set.of(
      "ShowTables", "ShowTablesCommand", "ShowTableExtended", "ShowTablesExtended", "ShowNamespaces",
      "ShowNamespacesCommand", "ShowViews", "ShowViewsCommand", "ShowColumns", "ShowColumnsCommand", "ShowFunctions",
      "ShowFunctionsCommand", "ShowCurrentNamespace", "ShowCurrentNamespaceCommand", "ShowCatalogs",
      "ShowCatalogsCommand", "ShowTableProperties", "ShowTablePropertiesCommand", "DescribeRelation",
      "DescribeTableCommand", "DescribeColumn", "DescribeColumnCommand", "DescribeNamespace",
      "DescribeDatabaseCommand", "DescribeFunction", "DescribeFunctionCommand", "DescribeQueryCommand",
      "ExplainCommand", "SetCatalogAndNamespace", "SetCatalogCommand", "SetNamespaceCommand", "SetCommand",
      "ResetCommand");
  /** Commands no role may run: they load code into the server. */
  private static final Set<String> CODE_COMMANDS = Set.of("AddJarsCommand", "AddFilesCommand",
      "AddArchivesCommand", "CreateFunction", "CreateFunctionCommand");
  /**
   * Session settings a client may change: what Superset, PyHive and dbt-spark set. Engine settings
   * (file formats, Delta checks, the warehouse) are the server's.
   */
  private static final Set<String> CLIENT_SETTINGS = Set.of("spark.sql.session.timezone",
      "spark.sql.ansi.enabled", "spark.sql.legacy.timeparserpolicy", "spark.sql.shuffle.partitions",
      "spark.sql.thriftserver.scheduler.pool", "spark.sql.legacy.createhivetablebydefault",
      "spark.sql.sources.partitionoverwritemode", "spark.sql.parser.quotedregexcolumnnames");

  private final PinnedViews pinnedViews;

  StatementGuard(PinnedViews pinnedViews) {
    this.pinnedViews = pinnedViews;
  }

  /** Throws {@link AccessDeniedException} unless the role may run the analysed plan. */
  void check(LogicalPlan plan, Principal principal) {
    Map<ExprId, String> hidden = new HashMap<>();
    walk(plan, principal, hidden, false);
    if (!hidden.isEmpty()) {
      for (Attribute used : list(plan.output())) {
        refuseHidden(used.exprId(), hidden, principal);
      }
      checkReferences(plan, principal, hidden);
    }
  }

  private void walk(LogicalPlan plan, Principal principal, Map<ExprId, String> hidden, boolean inView) {
    Role role = principal.role;
    String kind = plan.getClass().getSimpleName();
    if (plan instanceof Command) {
      if (CODE_COMMANDS.contains(kind)) {
        throw refused(principal, "loading code into the server (" + commandName(kind) + ")");
      }
      if (!role.mayWrite && !READ_COMMANDS.contains(kind)) {
        throw refused(principal, commandName(kind) + ": this endpoint is read-only; only SELECT, WITH, SHOW, "
            + "DESCRIBE, EXPLAIN and USE run here");
      }
      if (plan instanceof SetCommand) {
        checkSetting((SetCommand) plan, principal);
      }
    }
    if (plan instanceof View) {
      View view = (View) plan;
      CatalogTable desc = view.desc();
      if (!view.isTempView()) {
        checkTable(desc, principal, "view");
      }
      if (pinnedViews.isPinned(desc)) {
        // The server's own view of a published table: its definition reads the Delta folder at the
        // published version, which is exactly what may be read; do not look inside.
        rememberHidden(list(view.output()), role, hidden);
        return;
      }
      inView = true; // a view the server did not write: what it reads is checked like a statement
    } else if (plan instanceof LogicalRelation) {
      LogicalRelation relation = (LogicalRelation) plan;
      Option<CatalogTable> table = relation.catalogTable();
      if (table.isEmpty()) {
        if (!inView) {
          // Not the client's: the parser refused every path a client could write, so this is a read
          // Delta makes for itself (its transaction log) while answering.
          return;
        }
        throw refused(principal, "reading files by path (" + describeFiles(relation) + "); query the served "
            + "tables by name, e.g. gold.fct_worker_day");
      }
      checkTable(table.get(), principal, "table");
      boolean currentVersion = relation.relation() instanceof HadoopFsRelation
          && ((HadoopFsRelation) relation.relation()).location() instanceof TahoeLogFileIndex;
      if (!currentVersion && !role.mayWrite) {
        // Change feeds and versions pinned some other way; a writing role's MERGE reads its target so.
        throw refused(principal, "reading " + table.get().identifier().unquotedString()
            + " other than as its current Delta version");
      }
      if (currentVersion
          && ((TahoeLogFileIndex) ((HadoopFsRelation) relation.relation()).location()).isTimeTravelQuery()) {
        throw refused(principal, "time travel on " + table.get().identifier().unquotedString()
            + " (VERSION/TIMESTAMP AS OF); only the current version is served");
      }
      rememberHidden(new java.util.ArrayList<Attribute>(list(relation.output())), role, hidden);
      return;
    } else if (inView && plan.children().isEmpty() && !isHarmlessLeaf(kind)) {
      throw refused(principal, "a view reading from " + kind + "; only the served tables can be read");
    }
    for (Expression expression : list(plan.expressions())) {
      checkExpression(expression, principal, hidden, inView);
    }
    for (LogicalPlan child : list(plan.children())) {
      walk(child, principal, hidden, inView);
    }
  }

  private static boolean isHarmlessLeaf(String kind) {
    return kind.equals("LocalRelation") || kind.equals("OneRowRelation") || kind.equals("Range")
        || kind.equals("CTERelationRef") || kind.startsWith("Resolved") || kind.equals("UnresolvedNamespace")
        || kind.equals("CurrentNamespace");
  }

  private void checkExpression(Expression expression, Principal principal, Map<ExprId, String> hidden,
      boolean inView) {
    if (expression instanceof CallMethodViaReflection) {
      throw refused(principal, "calling Java methods (reflect, java_method)");
    }
    // input_file_name() is refused as the client wrote it (ParsedStatementGuard): Delta's own MERGE
    // and UPDATE plans use it, and those pass through here too.
    if (expression instanceof PlanExpression) {
      Object inner = ((PlanExpression<?>) expression).plan();
      if (inner instanceof LogicalPlan) {
        walk((LogicalPlan) inner, principal, hidden, inView);
      }
    }
    for (Expression child : list(expression.children())) {
      checkExpression(child, principal, hidden, inView);
    }
  }

  private void checkTable(CatalogTable table, Principal principal, String what) {
    String schema = table.identifier().database().isDefined() ? table.identifier().database().get() : "default";
    if (!principal.role.mayRead(schema, table.identifier().table())) {
      throw refused(principal, "the " + what + " " + schema + "." + table.identifier().table()
          + " is not readable by role " + principal.role + " (it may read " + principal.role.tables + ")");
    }
  }

  private static void checkSetting(SetCommand set, Principal principal) {
    Option<Tuple2<String, Option<String>>> kv = set.kv();
    if (kv.isEmpty()) {
      throw refused(principal, "listing the server's settings (SET)");
    }
    String key = kv.get()._1().trim();
    if (!CLIENT_SETTINGS.contains(key.toLowerCase(java.util.Locale.ROOT))) {
      throw refused(principal, "the setting '" + key + "' belongs to the server; a client may set only "
          + CLIENT_SETTINGS);
    }
  }

  private static void rememberHidden(List<Attribute> output, Role role, Map<ExprId, String> hidden) {
    for (Attribute attribute : output) {
      if (role.hides(attribute.name())) {
        hidden.put(attribute.exprId(), attribute.name());
      }
    }
  }

  private void checkReferences(LogicalPlan plan, Principal principal, Map<ExprId, String> hidden) {
    for (Attribute used : JavaConverters.asJavaCollection(plan.references().toSeq())) {
      refuseHidden(used.exprId(), hidden, principal);
    }
    for (Expression expression : list(plan.expressions())) {
      checkSubqueryReferences(expression, principal, hidden);
    }
    for (LogicalPlan child : list(plan.children())) {
      checkReferences(child, principal, hidden);
    }
  }

  private void checkSubqueryReferences(Expression expression, Principal principal, Map<ExprId, String> hidden) {
    if (expression instanceof PlanExpression && ((PlanExpression<?>) expression).plan() instanceof LogicalPlan) {
      checkReferences((LogicalPlan) ((PlanExpression<?>) expression).plan(), principal, hidden);
    }
    for (Expression child : list(expression.children())) {
      checkSubqueryReferences(child, principal, hidden);
    }
  }

  private static void refuseHidden(ExprId id, Map<ExprId, String> hidden, Principal principal) {
    String column = hidden.get(id);
    if (column != null) {
      throw refused(principal, "the column " + column + " is hidden from role " + principal.role
          + "; name the columns you need instead of *, without " + principal.role.hiddenColumns);
    }
  }

  private static String describeFiles(LogicalRelation relation) {
    if (relation.relation() instanceof HadoopFsRelation) {
      HadoopFsRelation fs = (HadoopFsRelation) relation.relation();
      return fs.fileFormat().toString() + " files";
    }
    return relation.relation().getClass().getSimpleName();
  }

  private static String commandName(String kind) {
    return kind.replaceAll("Command$", "").replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(java.util.Locale.ROOT);
  }

  static AccessDeniedException refused(Principal principal, String what) {
    return new AccessDeniedException(what + " (user " + principal.user + ", role " + principal.role + ")");
  }

  private static <T> List<T> list(scala.collection.Seq<T> seq) {
    return JavaConverters.seqAsJavaList(seq);
  }
}
