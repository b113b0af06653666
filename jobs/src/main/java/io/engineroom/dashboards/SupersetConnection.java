package io.engineroom.dashboards;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * How Superset reaches the SQL endpoint: PyHive's {@code hive://} dialect (Superset's "Apache Spark
 * SQL" engine). The password is never in the bundle: Superset asks for it on import.
 */
public final class SupersetConnection {
  /** Stands for the password in an exported URI; Superset's importer replaces it. */
  static final String MASKED_PASSWORD = "XXXXXXXXXX";

  final String databaseName;
  private final String host;
  private final int port;
  private final String user;
  private final boolean passwordRequired;

  public SupersetConnection(String databaseName, String host, int port, String user, boolean passwordRequired) {
    this.databaseName = databaseName;
    this.host = host;
    this.port = port;
    this.user = user;
    this.passwordRequired = passwordRequired;
  }

  /** The same endpoint under another name and user. */
  public SupersetConnection(String databaseName, SupersetConnection endpoint, String user) {
    this(databaseName, endpoint.host, endpoint.port, user, endpoint.passwordRequired);
  }

  String sqlalchemyUri(boolean masked) {
    String credentials = passwordRequired
        ? encode(user) + ":" + (masked ? MASKED_PASSWORD : "") + "@"
        : user == null ? "" : encode(user) + "@";
    return "hive://" + credentials + host + ":" + port + "/gold" + (passwordRequired ? "?auth=CUSTOM" : "");
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
