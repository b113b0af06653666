package io.engineroom.serve;

import java.util.function.Consumer;

/**
 * Who may log in and as which role: with {@code serve.auth=password}, the users of the access file;
 * with {@code none} (loopback only), anyone, as the anonymous role.
 */
final class LoginPolicy {
  private final AccessPolicy access;
  private final Role anonymousRole;
  private final Consumer<String> log;

  /** @param anonymousRole the role of every connection when no password is asked; null when one is */
  LoginPolicy(AccessPolicy access, Role anonymousRole, Consumer<String> log) {
    this.access = access;
    this.anonymousRole = anonymousRole;
    this.log = log;
  }

  boolean requiresPassword() {
    return anonymousRole == null;
  }

  /** Whether the user may log in with this password; a refusal is logged with the user name only. */
  boolean authenticate(String user, String password) {
    AccessPolicy.User known = user == null ? null : access.user(user);
    // Hash even for an unknown user, so the answer time does not tell which users exist.
    String hash = known != null ? known.passwordHash : DUMMY_HASH;
    boolean ok = PasswordHash.matches(password == null ? new char[0] : password.toCharArray(), hash) && known != null;
    if (!ok) {
      log.accept("refused a login to the SQL endpoint for user '" + printable(user) + "'");
    }
    return ok;
  }

  /** The principal a logged-in user name stands for, or null if the name has no role. */
  Principal principal(String user) {
    if (anonymousRole != null) {
      return new Principal(user == null || user.isEmpty() ? "anonymous" : user, anonymousRole);
    }
    AccessPolicy.User known = user == null ? null : access.user(user);
    return known == null ? null : new Principal(known.name, known.role);
  }

  private static final String DUMMY_HASH = PasswordHash.hash("no such user".toCharArray());

  private static String printable(String user) {
    return user == null ? "" : user.replaceAll("[^\\p{Graph} ]", "?");
  }
}
