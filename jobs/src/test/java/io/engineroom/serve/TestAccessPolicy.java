package io.engineroom.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The access file and logins, without a server: hashes only, refusals logged without passwords. */
class TestAccessPolicy {
  private static AccessPolicy parse(String yaml) {
    return AccessPolicy.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
  }

  @Test
  void aPasswordInClearIsRefusedAtStart() {
    assertThatThrownBy(() -> parse("roles: {r: {tables: [gold.*]}}\nusers: {u: {role: r, password: hunter2}}"))
        .hasMessageContaining("Passwords are never stored in clear")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void aRefusedLoginIsLoggedWithTheUserNameOnly() {
    String hash = PasswordHash.hash("right-password".toCharArray());
    AccessPolicy policy = parse("roles: {r: {tables: [gold.*]}}\nusers: {u: {role: r, password: \"" + hash + "\"}}");
    List<String> log = new ArrayList<>();
    LoginPolicy logins = new LoginPolicy(policy, null, log::add);
    assertThat(logins.authenticate("u", "right-password")).isTrue();
    assertThat(logins.authenticate("u", "wrong-password")).isFalse();
    assertThat(logins.authenticate("nobody", "right-password")).isFalse();
    assertThat(log).hasSize(2).noneMatch(line -> line.contains("wrong-password") || line.contains("right-password"));
    assertThat(log.get(0)).contains("'u'");
    assertThat(logins.principal("u").role.name).isEqualTo("r");
    assertThat(logins.principal("nobody")).isNull();
  }

  @Test
  void tablesAreMatchedByGlobAndColumnsHiddenWhateverTheirCase() {
    Role role = new Role("r", List.of("gold.agg_*", "ops.run_history"), java.util.Set.of("Worker_ID"), false);
    assertThat(role.mayRead("gold", "agg_productivity_trends")).isTrue();
    assertThat(role.mayRead("GOLD", "AGG_X")).isTrue();
    assertThat(role.mayRead("gold", "fct_worker_day")).isFalse();
    assertThat(role.mayRead("ops", "run_history_x")).isFalse();
    assertThat(role.hides("worker_id")).isTrue();
  }

  @Test
  void theBundledFileDefinesTheDocumentedRoles() {
    AccessPolicy bundled = AccessPolicy.load(null);
    for (String role : List.of("dashboards", "executive", "data-science", "operator", "dbt-developer")) {
      assertThat(bundled.role(role, "test")).isNotNull();
    }
    assertThat(bundled.role("dbt-developer", "test").mayWrite).isTrue();
    assertThat(bundled.role("dashboards", "test").mayWrite).isFalse();
    assertThat(bundled.hasUsers()).isFalse();
  }
}
