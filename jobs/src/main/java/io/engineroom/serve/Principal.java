package io.engineroom.serve;

/** Who is connected: the user name they logged in with and the role it has. */
final class Principal {
  final String user;
  final Role role;

  Principal(String user, Role role) {
    this.user = user;
    this.role = role;
  }
}
