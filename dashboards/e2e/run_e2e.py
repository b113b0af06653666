"""End-to-end test of the dashboards, done the way a user does it.

Starts `engineroom serve` over a warehouse (password auth), starts Apache Superset with SQLite
metadata, imports the bundle through the REST API (giving the endpoint's password, as the import
dialog asks), asks the chart-data API for every chart with the query its front end sends, checks
the answers, checks row-level security for a team manager, and screenshots every dashboard in
headless Chromium. Writes report.json and one PNG per dashboard into --out.

Exit status 0 only if every chart returned sane data, row-level security held and every
dashboard rendered without a chart error.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import time
import zipfile

import requests
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
SERVE_PASSWORD = "e2e-serve-password"
ADMIN = ("admin", "admin-e2e-password")


def log(message):
    print(f"[e2e {time.strftime('%H:%M:%S')}] {message}", flush=True)


class Processes:
    """Background servers, stopped on exit whatever happens."""

    def __init__(self):
        self.running = []

    def start(self, name, command, logfile, env=None):
        log(f"starting {name}: {' '.join(command)} (log: {logfile})")
        out = open(logfile, "w")
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True)
        self.running.append((name, process))
        return process

    def stop_all(self):
        for name, process in reversed(self.running):
            if process.poll() is None:
                os.killpg(process.pid, 15)
                try:
                    process.wait(30)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, 9)


def wait_for(what, check, timeout, process=None, logfile=None):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process is not None and process.poll() is not None:
            tail = open(logfile).read()[-3000:] if logfile else ""
            raise SystemExit(f"{what}: the process exited with {process.returncode} before it was ready.\n{tail}")
        try:
            if check():
                return
        except Exception:  # not up yet
            pass
        time.sleep(2)
    tail = open(logfile).read()[-3000:] if logfile else ""
    raise SystemExit(f"{what} was not ready within {timeout} s.\n{tail}")


def start_serve(args, processes):
    logfile = os.path.join(args.out, "serve.log")
    env = dict(os.environ, ENGINEROOM_SERVE_PASSWORD=SERVE_PASSWORD)
    process = processes.start("engineroom serve", [
        os.path.join(args.root, "bin", "engineroom"), "serve", "--warehouse", args.warehouse,
        "--port", str(args.serve_port), "--set", "serve.auth=password", "--set", "serve.user=superset"],
        logfile, env)
    wait_for("engineroom serve", lambda: "SQL endpoint ready" in open(logfile).read(), 600, process, logfile)
    log("engineroom serve is ready")


def start_superset(args, processes):
    env = dict(os.environ, SUPERSET_HOME=args.superset_home, FLASK_APP="superset",
               SUPERSET_CONFIG_PATH=os.path.join(HERE, "superset_config.py"))
    superset = os.path.join(args.venv, "bin", "superset")
    os.makedirs(args.superset_home, exist_ok=True)
    setup_log = os.path.join(args.out, "superset-setup.log")
    with open(setup_log, "w") as out:
        for command in (["db", "upgrade"],
                        ["fab", "create-admin", "--username", ADMIN[0], "--firstname", "E2E", "--lastname",
                         "Admin", "--email", "admin@example.org", "--password", ADMIN[1]],
                        ["init"]):
            log("superset " + " ".join(command[:2]))
            subprocess.run([superset] + command, check=True, stdout=out, stderr=subprocess.STDOUT, env=env)
    logfile = os.path.join(args.out, "superset.log")
    process = processes.start("superset", [superset, "run", "-h", "127.0.0.1", "-p", str(args.superset_port),
                                           "--with-threads"], logfile, env)
    wait_for("superset", lambda: requests.get(f"{args.url}/health", timeout=5).status_code == 200, 300,
             process, logfile)
    log("superset is ready")


def api_session(url, username, password):
    response = requests.post(f"{url}/api/v1/security/login", json={
        "username": username, "password": password, "provider": "db", "refresh": True}, timeout=60)
    response.raise_for_status()
    session = requests.Session()
    session.headers["Authorization"] = "Bearer " + response.json()["access_token"]
    return session


def import_bundle(session, url, bundle):
    with open(bundle, "rb") as zipped:
        response = session.post(f"{url}/api/v1/dashboard/import/", files={
            "formData": (os.path.basename(bundle), zipped, "application/zip")}, data={
            "passwords": json.dumps({"databases/engine_room.yaml": SERVE_PASSWORD}), "overwrite": "true"},
            timeout=300)
    if response.status_code != 200:
        raise SystemExit(f"import of {bundle} failed: {response.status_code} {response.text[:2000]}")
    log("bundle imported")


def bundle_files(bundle, folder):
    with zipfile.ZipFile(bundle) as zipped:
        for name in sorted(zipped.namelist()):
            parts = name.split("/")
            if len(parts) > 2 and parts[1] == folder:
                yield name, yaml.safe_load(zipped.read(name))


def imported(session, url, resource, columns):
    query = f"(columns:!({','.join(columns)}),page_size:100)"
    response = session.get(f"{url}/api/v1/{resource}/", params={"q": query}, timeout=60)
    response.raise_for_status()
    return response.json()["result"]


def chart_data(session, url, chart, bundled, result_type="full"):
    """The chart's data, asked with the query context the front end builds from its form data."""
    context = json.loads(bundled["query_context"])
    context["result_type"] = result_type
    context["datasource"] = {"id": chart["datasource_id"], "type": "table"}
    context["form_data"]["datasource"] = f"{chart['datasource_id']}__table"
    context["form_data"]["slice_id"] = chart["id"]
    response = session.post(f"{url}/api/v1/chart/data", json=context, timeout=600)
    if response.status_code != 200:
        return None, f"HTTP {response.status_code}: {response.text[:1500]}"
    result = response.json()["result"][0]
    if result.get("error"):
        return None, result["error"]
    return result, None


def sanity_problems(title, result, metric_labels):
    """What is wrong with a chart's answer: nothing, or a list of reasons."""
    problems = []
    rows = result.get("data") or []
    if not rows:
        return ["returned no rows"]
    for row in rows:
        for column, value in row.items():
            if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
                # A pivoted series has gaps where a group has no value that period: that is fine.
                if not any(column.startswith(label + ", ") for label in metric_labels):
                    problems.append(f"{column} is {value}")
            lowered = column.lower()
            if isinstance(value, (int, float)) and value is not None and not isinstance(value, bool):
                # a change or an effect as a share is signed: -0.25 is a quarter less
                if any(word in lowered for word in ("rate", "share", "support")) \
                        and not any(word in lowered for word in ("change", "effect")) \
                        and not -1e-9 <= value <= 1 + 1e-9:
                    problems.append(f"{column} = {value} is not a share between 0 and 1")
                signed = ("change", "saved", "effect", "slope", "rho", "lower", "upper")
                if any(word in lowered for word in ("items", "hours", "cost", "audits", "workers", "rows")) \
                        and not any(word in lowered for word in signed) and value < 0:
                    problems.append(f"{column} = {value} is negative")
    if all(all(v is None for v in row.values()) for row in rows):
        problems.append("every value is null")
    return problems[:5]


def check_charts(session, url, bundle):
    # Chart titles are unique in the bundle (the bundler checks), so they identify the imported charts.
    charts = {c["slice_name"]: c for c in imported(session, url, "chart", ["id", "slice_name", "datasource_id"])}
    results = []
    for name, bundled in bundle_files(bundle, "charts"):
        chart = charts.get(bundled["slice_name"])
        if chart is None:
            results.append({"chart": bundled["slice_name"], "ok": False, "problems": ["not imported"]})
            continue
        started = time.time()
        result, error = chart_data(session, url, chart, bundled)
        seconds = round(time.time() - started, 2)
        labels = [m["label"] for m in json.loads(bundled["query_context"])["queries"][0]["metrics"]
                  if isinstance(m, dict)]
        problems = [error] if error else sanity_problems(bundled["slice_name"], result, labels)
        entry = {"chart": bundled["slice_name"], "viz": bundled["viz_type"], "ok": not problems,
                 "rows": result.get("rowcount") if result else 0, "seconds": seconds, "problems": problems}
        if result:
            entry["first_row"] = (result.get("data") or [None])[0]
            # The SQL Superset sent to the endpoint, for bench/dashboard-queries to replay.
            query, _ = chart_data(session, url, chart, bundled, result_type="query")
            entry["sql"] = query.get("query") if query else None
        results.append(entry)
        log(f"{'ok  ' if not problems else 'FAIL'} {bundled['slice_name']}: {entry['rows']} rows in {seconds} s"
            + ("" if not problems else f" -- {problems}"))
    return results


def check_row_level_security(args, admin, charts):
    """A manager given one team sees only that team's rows."""
    scorecard = next(c for c in charts if c["chart"] == "Team scorecard by month")
    bundled = dict(next(b for _, b in bundle_files(args.bundle, "charts") if b["slice_name"] == scorecard["chart"]))
    chart = next(c for c in imported(admin, args.url, "chart", ["id", "slice_name", "datasource_id"])
                 if c["slice_name"] == bundled["slice_name"])
    everything, error = chart_data(admin, args.url, chart, bundled)
    if error:
        return {"ok": False, "problem": error}
    teams = sorted({row["team_id"] for row in everything["data"]})
    team = teams[0]
    managers = os.path.join(args.out, "managers.yaml")
    with open(managers, "w") as out:
        yaml.safe_dump({"managers": [{"username": "manager_e2e", "first_name": "Team", "last_name": "Manager",
                                      "email": "manager@example.org", "password": "manager-e2e-password",
                                      "teams": [team]}]}, out)
    subprocess.run([sys.executable, os.path.join(args.root, "dashboards", "rls", "apply_rls.py"), "--url", args.url,
                    "--username", ADMIN[0], "--password", ADMIN[1], "--managers", managers], check=True)
    manager = api_session(args.url, "manager_e2e", "manager-e2e-password")
    theirs, error = chart_data(manager, args.url, chart, bundled)
    if error:
        return {"ok": False, "problem": f"the manager cannot read the scorecard: {error}"}
    seen = sorted({row["team_id"] for row in theirs["data"]})
    ok = seen == [team] and len(teams) > 1
    log(f"{'ok  ' if ok else 'FAIL'} row-level security: admin sees teams {teams}, manager of {team} sees {seen}")
    return {"ok": ok, "admin_teams": teams, "manager_team": team, "manager_sees": seen}


def screenshot_dashboards(args, bundle):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    options = webdriver.ChromeOptions()
    options.binary_location = args.chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                 "--no-first-run", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--window-size=1600,2200", f"--user-data-dir={args.out}/chromium-profile"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(args.chromedriver), options=options)
    shots = []
    try:
        driver.get(f"{args.url}/login/")
        driver.find_element(By.ID, "username").send_keys(ADMIN[0])
        driver.find_element(By.ID, "password").send_keys(ADMIN[1])
        driver.find_element(By.CSS_SELECTOR, "input[type=submit], button[type=submit]").click()
        time.sleep(3)
        for _, dashboard in bundle_files(bundle, "dashboards"):
            slug = dashboard["slug"]
            expected = sum(1 for node in dashboard["position"].values()
                           if isinstance(node, dict) and node.get("type") == "CHART")
            driver.get(f"{args.url}/superset/dashboard/{slug}/?standalone=1")
            deadline = time.time() + 240
            rendered = errors = 0
            while time.time() < deadline:
                holders = driver.find_elements(By.CSS_SELECTOR, ".dashboard-chart")
                loading = driver.find_elements(By.CSS_SELECTOR, ".dashboard-chart .loading, .chart-container .loading")
                errors = len(driver.find_elements(By.CSS_SELECTOR, ".dashboard-chart [role=alert], "
                                                                  ".dashboard-chart .alert-danger"))
                rendered = len(holders)
                if rendered >= expected and not loading:
                    break
                time.sleep(2)
            time.sleep(3)  # let the last charts finish their animation
            height = driver.execute_script("return Math.max(document.body.scrollHeight, 1200)")
            driver.set_window_size(1600, min(int(height) + 100, 6000))
            time.sleep(1)
            path = os.path.join(args.out, f"{slug}.png")
            driver.save_screenshot(path)
            ok = rendered >= expected and errors == 0
            shots.append({"dashboard": dashboard["dashboard_title"], "png": path, "charts": expected,
                          "rendered": rendered, "chart_errors": errors, "ok": ok})
            log(f"{'ok  ' if ok else 'FAIL'} screenshot {path}: {rendered}/{expected} charts, {errors} errors")
            driver.set_window_size(1600, 2200)
    finally:
        driver.quit()
    return shots


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", required=True, help="the Engine Room checkout")
    parser.add_argument("--warehouse", required=True, help="a warehouse with published nights (the demo's)")
    parser.add_argument("--bundle", required=True, help="the zip from 'engineroom dashboards bundle'")
    parser.add_argument("--venv", required=True, help="virtualenv with requirements.txt installed")
    parser.add_argument("--out", required=True, help="folder for logs, report.json and screenshots")
    parser.add_argument("--serve-port", type=int, default=10000)
    parser.add_argument("--superset-port", type=int, default=8088)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    args = parser.parse_args()
    args.out = os.path.abspath(args.out)
    args.superset_home = os.path.join(args.out, "superset-home")
    args.url = f"http://127.0.0.1:{args.superset_port}"
    os.makedirs(args.out, exist_ok=True)

    processes = Processes()
    try:
        start_serve(args, processes)
        start_superset(args, processes)
        admin = api_session(args.url, *ADMIN)
        import_bundle(admin, args.url, args.bundle)
        charts = check_charts(admin, args.url, args.bundle)
        rls = check_row_level_security(args, admin, charts)
        shots = screenshot_dashboards(args, args.bundle)
    finally:
        processes.stop_all()
    report = {"charts": charts, "row_level_security": rls, "screenshots": shots}
    with open(os.path.join(args.out, "report.json"), "w") as out:
        json.dump(report, out, indent=2, default=str)
    with open(os.path.join(args.out, "chart-queries.json"), "w") as out:
        json.dump([{"chart": c["chart"], "sql": c["sql"]} for c in charts if c.get("sql")], out, indent=2)
    failed = [c["chart"] for c in charts if not c["ok"]]
    failed += ["row-level security"] if not rls["ok"] else []
    failed += [s["dashboard"] + " (screenshot)" for s in shots if not s["ok"]]
    slowest = max(charts, key=lambda c: c.get("seconds", 0))
    log(f"{len(charts)} charts, {sum(c['ok'] for c in charts)} with sane data; slowest {slowest['chart']} "
        f"{slowest.get('seconds')} s; {len(shots)} dashboards screenshot into {args.out}")
    if failed:
        log("FAILED: " + "; ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
