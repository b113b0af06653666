"""Row-level security for team managers: each manager sees only their own teams.

Reads a managers file, for example

    managers:
      - username: jane.doe          # an existing Superset user, or one to create (give password etc.)
        teams: [T01, T02]
        # first_name, last_name, email, password: only needed to create the user

and, through Superset's REST API (needs FAB_ADD_SECURITY_API = True in superset_config.py), makes
sure that for each manager

  * a role "Engine Room manager <username>" exists, with read access to the Engine Room datasets;
  * the user has that role besides Gamma (Gamma gives the dashboards, not the data);
  * row-level security rules on that role limit every dataset with a team_id column to the
    manager's teams, and agg_productivity_trends to their teams' rows (organisation, site and task
    rows stay visible: they name no one).

Run it again after the team list changes: it updates the same role, rules and user, never adds
copies. Admins are not in any rule and keep seeing everything.
"""
import argparse
import sys

import requests
import yaml

ROLE_PREFIX = "Engine Room manager "
DATABASE_NAME = "Engine Room"


class Superset:
    def __init__(self, url, username, password):
        self.url = url.rstrip("/")
        response = requests.post(f"{self.url}/api/v1/security/login", json={
            "username": username, "password": password, "provider": "db", "refresh": True}, timeout=60)
        if response.status_code != 200:
            raise SystemExit(f"cannot log in to {self.url} as {username}: {response.status_code} {response.text[:300]}")
        self.session = requests.Session()
        self.session.headers["Authorization"] = "Bearer " + response.json()["access_token"]

    def call(self, method, path, **kwargs):
        response = self.session.request(method, f"{self.url}/api/v1/{path}", timeout=120, **kwargs)
        if response.status_code >= 400:
            hint = ""
            if path.startswith("security/") and response.status_code == 404:
                hint = " (set FAB_ADD_SECURITY_API = True in superset_config.py and restart Superset)"
            raise SystemExit(f"{method} /api/v1/{path} failed: {response.status_code} {response.text[:500]}{hint}")
        return response.json() if response.content else {}

    def all(self, path, columns=None):
        rows, page = [], 0
        while True:
            q = f"(page:{page},page_size:100" + (f",columns:!({','.join(columns)})" if columns else "") + ")"
            result = self.call("GET", path + "/", params={"q": q})["result"]
            rows += result
            if len(result) < 100:
                return rows
            page += 1


def sql_list(values):
    return ", ".join("'" + str(v).replace("'", "''") + "'" for v in values)


def engine_room_datasets(superset):
    """(id, table name, column names) of every dataset on the Engine Room database."""
    datasets = []
    for dataset in superset.all("dataset", ["id", "table_name", "database.database_name"]):
        if dataset["database"]["database_name"] != DATABASE_NAME:
            continue
        detail = superset.call("GET", f"dataset/{dataset['id']}")["result"]
        datasets.append((dataset["id"], dataset["table_name"], {c["column_name"] for c in detail["columns"]}))
    if not datasets:
        raise SystemExit(f"no datasets on a database named '{DATABASE_NAME}': import the Engine Room bundle first "
                         "('engineroom dashboards bundle', then Dashboards > Import).")
    return datasets


def ensure_role(superset, name, dataset_ids, permissions):
    roles = {r["name"]: r["id"] for r in superset.all("security/roles")}
    role_id = roles.get(name) or superset.call("POST", "security/roles/", json={"name": name})["id"]
    wanted = [p["id"] for p in permissions
              if p["permission"]["name"] == "datasource_access"
              and any(p["view_menu"]["name"].endswith(f"(id:{i})") for i in dataset_ids)]
    superset.call("POST", f"security/roles/{role_id}/permissions", json={"permission_view_menu_ids": wanted})
    return role_id


def ensure_user(superset, manager, role_ids):
    users = {u["username"]: u for u in superset.all("security/users", ["id", "username"])}
    existing = users.get(manager["username"])
    if existing:
        superset.call("PUT", f"security/users/{existing['id']}", json={"roles": role_ids})
        return
    missing = [f for f in ("first_name", "last_name", "email", "password") if not manager.get(f)]
    if missing:
        raise SystemExit(f"user {manager['username']} does not exist in Superset; to create it the managers file "
                         f"needs {', '.join(missing)} for them.")
    superset.call("POST", "security/users/", json={
        "username": manager["username"], "first_name": manager["first_name"], "last_name": manager["last_name"],
        "email": manager["email"], "password": manager["password"], "active": True, "roles": role_ids})


def ensure_rule(superset, name, description, table_ids, role_id, clause):
    rules = {r["name"]: r["id"] for r in superset.all("rowlevelsecurity", ["id", "name"])}
    body = {"name": name, "description": description, "filter_type": "Regular", "tables": table_ids,
            "roles": [role_id], "group_key": "engineroom_team", "clause": clause}
    if name in rules:
        superset.call("PUT", f"rowlevelsecurity/{rules[name]}", json=body)
    else:
        superset.call("POST", "rowlevelsecurity/", json=body)


def main():
    parser = argparse.ArgumentParser(description="Limit each team manager to their own teams in Superset.")
    parser.add_argument("--url", required=True, help="Superset, e.g. http://127.0.0.1:8088")
    parser.add_argument("--username", required=True, help="an admin user")
    parser.add_argument("--password", required=True)
    parser.add_argument("--managers", required=True, help="YAML file: managers with their teams")
    args = parser.parse_args()
    with open(args.managers) as f:
        managers = (yaml.safe_load(f) or {}).get("managers") or []
    for number, manager in enumerate(managers, 1):
        if not manager.get("username") or not manager.get("teams"):
            raise SystemExit(f"{args.managers}: manager #{number} needs a username and a non-empty list of teams.")

    superset = Superset(args.url, args.username, args.password)
    datasets = engine_room_datasets(superset)
    team_tables = [i for i, _, columns in datasets if "team_id" in columns]
    trend_tables = [i for i, table, _ in datasets if table == "agg_productivity_trends"]
    permissions = superset.all("security/permissions-resources")
    gamma = next(r["id"] for r in superset.all("security/roles") if r["name"] == "Gamma")
    for manager in managers:
        role_name = ROLE_PREFIX + manager["username"]
        role_id = ensure_role(superset, role_name, [i for i, _, _ in datasets], permissions)
        ensure_user(superset, manager, [gamma, role_id])
        teams = sql_list(manager["teams"])
        ensure_rule(superset, role_name + ": teams", "Rows of the manager's own teams only.", team_tables, role_id,
                    f"team_id IN ({teams})")
        if trend_tables:
            ensure_rule(superset, role_name + ": trends", "Team trend rows of the manager's own teams; "
                        "organisation, site and task rows stay visible.", trend_tables, role_id,
                        f"dimension <> 'team' OR dimension_value IN ({teams})")
        print(f"{manager['username']}: teams {', '.join(manager['teams'])} on {len(team_tables)} datasets")
    return 0


if __name__ == "__main__":
    sys.exit(main())
