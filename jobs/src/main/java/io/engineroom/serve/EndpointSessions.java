package io.engineroom.serve;

import java.util.Map;
import org.apache.hive.service.auth.TSetIpAddressProcessor;
import org.apache.hive.service.cli.CLIService;
import org.apache.hive.service.cli.HiveSQLException;
import org.apache.hive.service.cli.SessionHandle;
import org.apache.hive.service.cli.session.SessionManager;
import org.apache.hive.service.server.HiveServer2;
import org.apache.spark.sql.SQLContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.hive.thriftserver.server.SparkSQLOperationManager;

/**
 * Tells which principal a Spark session belongs to. The Thrift server opens one Spark session per
 * connection and keeps it beside the Hive session that holds the login name; this looks the pair up.
 */
final class EndpointSessions {
  private final SparkSession serverSession;
  private final LoginPolicy logins;
  private volatile SessionManager sessions;

  EndpointSessions(SparkSession serverSession, LoginPolicy logins) {
    this.serverSession = serverSession;
    this.logins = logins;
  }

  void attach(HiveServer2 server) {
    for (Object service : server.getServices()) {
      if (service instanceof CLIService) {
        sessions = ((CLIService) service).getSessionManager();
      }
    }
  }

  boolean isServer(SparkSession session) {
    return session == serverSession;
  }

  /** The principal of a connection's session, or null when the session is not (yet) a connection's. */
  Principal principalOf(SparkSession session) {
    SessionManager manager = sessions;
    if (manager == null) {
      return null;
    }
    Map<SessionHandle, SQLContext> contexts =
        ((SparkSQLOperationManager) manager.getOperationManager()).sessionToContexts();
    for (Map.Entry<SessionHandle, SQLContext> entry : contexts.entrySet()) {
      if (entry.getValue().sparkSession() == session) {
        try {
          return logins.principal(manager.getSession(entry.getKey()).getUserName());
        } catch (HiveSQLException closed) {
          return null;
        }
      }
    }
    return null;
  }

  /** While a connection opens, its session runs USE before it is listed; the thread knows the login. */
  Principal openingPrincipal() {
    String user = TSetIpAddressProcessor.getUserName();
    if (user == null) {
      user = SessionManager.getUserName();
    }
    return user == null ? null : logins.principal(user);
  }
}
