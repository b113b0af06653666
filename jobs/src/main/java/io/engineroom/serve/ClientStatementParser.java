package io.engineroom.serve;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.parser.ParserInterface;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import scala.collection.Seq;

/**
 * The parser of a connection's session: Spark's (and Delta's) parser, with every statement a
 * client sends checked by {@link ParsedStatementGuard} before it is analysed. View definitions
 * (parseQuery) and expressions pass through: the server wrote the views it serves.
 */
final class ClientStatementParser implements ParserInterface {
  private final SparkSession session;
  private final ParserInterface delegate;
  private final EndpointSessions sessions;

  ClientStatementParser(SparkSession session, ParserInterface delegate, EndpointSessions sessions) {
    this.session = session;
    this.delegate = delegate;
    this.sessions = sessions;
  }

  @Override
  public LogicalPlan parsePlan(String sqlText) throws ParseException {
    LogicalPlan plan = delegate.parsePlan(sqlText);
    if (!sessions.isServer(session)) {
      Principal principal = EndpointAuthorization.principal(sessions, session);
      new ParsedStatementGuard(schema -> session.catalog().databaseExists(schema)).check(plan, principal);
    }
    return plan;
  }

  @Override
  public LogicalPlan parseQuery(String sqlText) throws ParseException {
    return delegate.parseQuery(sqlText);
  }

  @Override
  public Expression parseExpression(String sqlText) throws ParseException {
    return delegate.parseExpression(sqlText);
  }

  @Override
  public TableIdentifier parseTableIdentifier(String sqlText) throws ParseException {
    return delegate.parseTableIdentifier(sqlText);
  }

  @Override
  public FunctionIdentifier parseFunctionIdentifier(String sqlText) throws ParseException {
    return delegate.parseFunctionIdentifier(sqlText);
  }

  @Override
  public Seq<String> parseMultipartIdentifier(String sqlText) throws ParseException {
    return delegate.parseMultipartIdentifier(sqlText);
  }

  @Override
  public StructType parseTableSchema(String sqlText) throws ParseException {
    return delegate.parseTableSchema(sqlText);
  }

  @Override
  public DataType parseDataType(String sqlText) throws ParseException {
    return delegate.parseDataType(sqlText);
  }
}
