package io.engineroom.serve;

import io.engineroom.config.ConfigException;
import io.engineroom.config.ConfigKeys;
import io.engineroom.config.EngineRoomConfig;
import io.engineroom.warehouse.Layer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What {@code engineroom serve} listens on, whom it lets in, and which layers it shows. */
public final class EndpointSettings {
  public final String host;
  public final int port;
  /** Null when the endpoint takes any user name without a password. */
  public final String user;
  final String password;
  public final int refreshSeconds;
  public final List<Layer> tableLayers;

  private EndpointSettings(String host, int port, String user, String password, int refreshSeconds,
      List<Layer> tableLayers) {
    this.host = host;
    this.port = port;
    this.user = user;
    this.password = password;
    this.refreshSeconds = refreshSeconds;
    this.tableLayers = tableLayers;
  }

  /** Whether serve.auth asks for a password ('password') or not ('none'); anything else is refused. */
  public static boolean requiresPassword(EngineRoomConfig config) {
    String auth = config.get(ConfigKeys.SERVE_AUTH).trim().toLowerCase(Locale.ROOT);
    if (!auth.equals("password") && !auth.equals("none")) {
      throw new ConfigException(ConfigKeys.SERVE_AUTH + " is '" + auth + "'; expected 'none' or 'password'. "
          + "LDAP and Kerberos are set with Spark's own Thrift server settings on a cluster (see docs/serving.md).");
    }
    return auth.equals("password");
  }

  /**
   * Reads the serve.* settings; the password comes from the environment variable they name.
   *
   * @param tableLayers layers served as plain tables besides the pinned gold views (ops by default;
   *     silver holds worker ids, so it is served only when asked for)
   */
  public static EndpointSettings from(EngineRoomConfig config, List<Layer> tableLayers,
      java.util.function.Function<String, String> environment) {
    String user = null;
    String password = null;
    if (requiresPassword(config)) {
      String variable = config.get(ConfigKeys.SERVE_PASSWORD_ENV);
      password = environment.apply(variable);
      if (password == null || password.isEmpty()) {
        throw new ConfigException(ConfigKeys.SERVE_AUTH + "=password, but the environment variable " + variable
            + " that holds the password is empty. Set it (export " + variable + "=...) before 'engineroom serve', "
            + "or choose another variable with --set " + ConfigKeys.SERVE_PASSWORD_ENV + "=NAME.");
      }
      user = config.get(ConfigKeys.SERVE_USER);
    }
    List<Layer> layers = new ArrayList<>(tableLayers);
    layers.remove(Layer.GOLD); // gold is always served, as pinned views
    return new EndpointSettings(config.get(ConfigKeys.SERVE_HOST), config.getInt(ConfigKeys.SERVE_PORT), user,
        password, config.getInt(ConfigKeys.SERVE_REFRESH_SECONDS), List.copyOf(layers));
  }
}
