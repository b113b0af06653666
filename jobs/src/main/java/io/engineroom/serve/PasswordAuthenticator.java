package io.engineroom.serve;

import javax.security.sasl.AuthenticationException;
import org.apache.hive.service.auth.PasswdAuthenticationProvider;

/**
 * The password check behind {@code serve.auth=password}. HiveServer2 creates this class by name
 * (hive.server2.custom.authentication.class), so the users are handed over through {@link #expect}
 * rather than the Hive configuration, which Spark shows in its UI and event logs.
 */
public final class PasswordAuthenticator implements PasswdAuthenticationProvider {
  private static volatile LoginPolicy logins;

  static void expect(LoginPolicy policy) {
    logins = policy;
  }

  @Override
  public void Authenticate(String user, String password) throws AuthenticationException {
    LoginPolicy policy = logins;
    if (policy == null) {
      throw new AuthenticationException("password authentication is not configured on this endpoint");
    }
    if (!policy.authenticate(user, password)) {
      throw new AuthenticationException("wrong user or password for the Engine Room SQL endpoint");
    }
  }
}
