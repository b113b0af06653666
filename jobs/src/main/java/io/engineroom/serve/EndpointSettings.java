package io.engineroom.serve;

import io.engineroom.config.ConfigException;
import io.engineroom.config.ConfigKeys;
import io.engineroom.config.EngineRoomConfig;
import io.engineroom.warehouse.Layer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/** What {@code engineroom serve} listens on, whom it lets in as which role, and which layers it shows. */
public final class EndpointSettings {
  public final String host;
  public final int port;
  public final int refreshSeconds;
  public final List<Layer> tableLayers;
  public final boolean requiresPassword;
  final AccessPolicy access;
  final Role anonymousRole;
  /** TLS keystore and its password, or null for plain TCP. */
  final Path tlsKeystore;
  final String tlsKeystorePassword;

  private EndpointSettings(String host, int port, int refreshSeconds, List<Layer> tableLayers, AccessPolicy access, Role anonymousRole, Path tlsKeystore, String tlsKeystorePassword) {
    this.host = host;
    this.port = port;
    this.refreshSeconds = refreshSeconds;
    this.tableLayers = tableLayers;
    this.access = access;
    this.anonymousRole = anonymousRole;
    this.requiresPassword = anonymousRole == null;
    this.tlsKeystore = tlsKeystore;
    this.tlsKeystorePassword = tlsKeystorePassword;
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
   * Reads the serve.* settings and the access file; passwords come from the environment variables
   * they name, never from a file or the command line.
   *
   * @param tableLayers layers served as plain tables besides the pinned gold views (ops by default;
   *     silver holds worker ids, so it is served only when asked for; bronze never)
   */
  public static EndpointSettings from(EngineRoomConfig config, List<Layer> tableLayers,
      Function<String, String> environment) {
    if (tableLayers.contains(Layer.BRONZE)) {
      throw new ConfigException("bronze is never served: it holds rows as delivered. Serve gold, ops or silver.");
    }
    String host = config.get(ConfigKeys.SERVE_HOST);
    AccessPolicy access = AccessPolicy.load(config.getPath(ConfigKeys.SERVE_ACCESS_FILE));
    Role anonymousRole = null;
    if (requiresPassword(config)) {
      String variable = config.get(ConfigKeys.SERVE_PASSWORD_ENV);
      String password = environment.apply(variable);
      if (password != null && !password.isEmpty()) {
        access.addUser(config.get(ConfigKeys.SERVE_USER), access.role(config.get(ConfigKeys.SERVE_USER_ROLE), ConfigKeys.SERVE_USER_ROLE),
            PasswordHash.hash(password.toCharArray()));
      }
      if (!access.hasUsers()) {
        throw new ConfigException(ConfigKeys.SERVE_AUTH + "=password, but no user can log in: the environment "
            + "variable " + variable + " is empty and " + config.get(ConfigKeys.SERVE_ACCESS_FILE) + " lists no users. "
            + "Set it (export " + variable + "=...) or add users with password hashes to the access file.");
      }
    } else {
      if (!isLoopback(host)) {
        throw new ConfigException("serve.host is " + host + ", which other machines can reach, and serve.auth is "
            + "none: anyone on the network could read the warehouse. Set --set serve.auth=password (users in "
            + config.get(ConfigKeys.SERVE_ACCESS_FILE) + "), or listen on 127.0.0.1.");
      }
      anonymousRole = access.role(config.get(ConfigKeys.SERVE_ANONYMOUS_ROLE), ConfigKeys.SERVE_ANONYMOUS_ROLE);
    }
    Path keystore = null;
    String keystorePassword = null;
    if (!config.get(ConfigKeys.SERVE_TLS_KEYSTORE).isBlank()) {
      keystore = config.getPath(ConfigKeys.SERVE_TLS_KEYSTORE).toAbsolutePath();
      if (!Files.isReadable(keystore)) {
        throw new ConfigException(ConfigKeys.SERVE_TLS_KEYSTORE + ": cannot read " + keystore + ".");
      }
      String variable = config.get(ConfigKeys.SERVE_TLS_KEYSTORE_PASSWORD_ENV);
      keystorePassword = environment.apply(variable);
      if (keystorePassword == null || keystorePassword.isEmpty()) {
        throw new ConfigException(ConfigKeys.SERVE_TLS_KEYSTORE + " is set, but the environment variable " + variable
            + " with the keystore's password is empty.");
      }
    }
    List<Layer> layers = new ArrayList<>(tableLayers);
    layers.remove(Layer.GOLD); // gold is always served, as pinned views
    return new EndpointSettings(host, config.getInt(ConfigKeys.SERVE_PORT), config.getInt(ConfigKeys.SERVE_REFRESH_SECONDS),
        List.copyOf(layers), access, anonymousRole, keystore, keystorePassword);
  }

  LoginPolicy loginPolicy(Consumer<String> log) {
    return new LoginPolicy(access, anonymousRole, log);
  }

  public boolean usesTls() {
    return tlsKeystore != null;
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new ConfigException("serve.host: cannot resolve '" + host + "'.");
    }
  }
}
