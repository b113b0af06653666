package io.engineroom.serve;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.parser.ParserInterface;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import scala.Function1;
import scala.Function2;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * Puts the endpoint's two checks into every session the Thrift server opens, through Spark's
 * session extensions: {@link ParsedStatementGuard} in the parser (the statement as the client wrote
 * it) and {@link StatementGuard} as a check rule (the plan Spark analysed, before anything
 * executes). The server's own session (which pins the gold views) is left alone; a session that
 * belongs to no known connection is refused everything.
 */
final class EndpointAuthorization {
  private EndpointAuthorization() {}

  static void install(SparkSession server, EndpointSessions sessions, StatementGuard guard) {
    server.extensions().injectParser(
        new AbstractFunction2<SparkSession, ParserInterface, ParserInterface>() {
          @Override
          public ParserInterface apply(SparkSession session, ParserInterface parser) {
            return new ClientStatementParser(session, parser, sessions);
          }
        });
    server.extensions().injectCheckRule(new AbstractFunction1<SparkSession, Function1<LogicalPlan, BoxedUnit>>() {
      @Override
      public Function1<LogicalPlan, BoxedUnit> apply(SparkSession session) {
        return new AbstractFunction1<LogicalPlan, BoxedUnit>() {
          @Override
          public BoxedUnit apply(LogicalPlan plan) {
            if (!sessions.isServer(session)) {
              guard.check(plan, principal(sessions, session));
            }
            return BoxedUnit.UNIT;
          }
        };
      }
    });
  }

  /** The connection's principal; a session no connection owns is refused. */
  static Principal principal(EndpointSessions sessions, SparkSession session) {
    Principal principal = sessions.principalOf(session);
    if (principal == null) {
      principal = sessions.openingPrincipal();
    }
    if (principal == null) {
      throw new AccessDeniedException("this session belongs to no logged-in user of the endpoint");
    }
    return principal;
  }
}
