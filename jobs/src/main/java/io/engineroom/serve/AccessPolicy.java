package io.engineroom.serve;

import io.engineroom.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The roles and users of {@code conf/serve-access.yaml}: who may log in, and what each role may read. */
public final class AccessPolicy {
  private static final String BUNDLED = "/engineroom-project/conf/serve-access.yaml";
  private final Map<String, Role> roles;
  private final Map<String, User> users;

  /** A user of the endpoint: a role and a password hash (never the password). */
  public static final class User {
    public final String name;
    public final Role role;
    final String passwordHash;

    User(String name, Role role, String passwordHash) {
      this.name = name;
      this.role = role;
      this.passwordHash = passwordHash;
    }
  }

  private AccessPolicy(Map<String, Role> roles, Map<String, User> users) {
    this.roles = roles;
    this.users = users;
  }

  /** Reads the file, or the copy bundled in the jar when the file is absent. */
  public static AccessPolicy load(Path file) {
    if (file != null && Files.isRegularFile(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        return parse(in, file.toString());
      } catch (IOException e) {
        throw new ConfigException("Cannot read " + file + ": " + e.getMessage());
      }
    }
    try (InputStream in = AccessPolicy.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new ConfigException("No access file: set engineroom.serve.access-file to conf/serve-access.yaml.");
      }
      return parse(in, "the bundled serve-access.yaml");
    } catch (IOException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  @SuppressWarnings("unchecked")
  static AccessPolicy parse(InputStream in, String origin) {
    Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    Map<String, Object> top = root instanceof Map ? (Map<String, Object>) root : Map.of();
    Map<String, Role> roles = new LinkedHashMap<>();
    for (Map.Entry<String, Object> r : asMap(top.get("roles"), origin + ": roles").entrySet()) {
      Map<String, Object> spec = asMap(r.getValue(), origin + ": role " + r.getKey());
      roles.put(r.getKey(), new Role(r.getKey(), (List<String>) spec.getOrDefault("tables", List.of()),
          Set.copyOf((List<String>) spec.getOrDefault("hidden-columns", List.of())),
          Boolean.TRUE.equals(spec.get("may-write"))));
    }
    AccessPolicy policy = new AccessPolicy(roles, new LinkedHashMap<>());
    for (Map.Entry<String, Object> u : asMap(top.get("users"), origin + ": users").entrySet()) {
      Map<String, Object> spec = asMap(u.getValue(), origin + ": user " + u.getKey());
      String hash = String.valueOf(spec.get("password"));
      if (!PasswordHash.isWellFormed(hash)) {
        throw new ConfigException(origin + ": user " + u.getKey() + " has no password hash (pbkdf2-sha256:...). "
            + "Passwords are never stored in clear: make the hash with 'engineroom serve --hash-password'.");
      }
      policy.users.put(u.getKey(), new User(u.getKey(), policy.role(String.valueOf(spec.get("role")),
          origin + ": user " + u.getKey()), hash));
    }
    return policy;
  }

  /** The named role; a name the file does not define is a configuration error. */
  public Role role(String name, String where) {
    Role role = roles.get(name);
    if (role == null) {
      throw new ConfigException(where + ": no role '" + name + "'; the access file defines " + roles.keySet() + ".");
    }
    return role;
  }

  /** Adds a user (the single account whose password comes from the environment). */
  public void addUser(String name, Role role, String passwordHash) {
    users.put(name, new User(name, role, passwordHash));
  }

  public User user(String name) {
    return users.get(name);
  }

  public boolean hasUsers() {
    return !users.isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value, String where) {
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map)) {
      throw new ConfigException(where + " must be a mapping.");
    }
    return (Map<String, Object>) value;
  }
}
