# What the end-to-end checks install, each step idempotent; sourced by the checks, and run as a
# whole by .ci/install-tools while the tests run (downloads need the network, not the cores).
# ROOT must be set by the script that sources this.

python_for_venvs() { command -v python3.11 || command -v python3; }

# Debian's Chromium and ChromeDriver, for the dashboards' screenshots.
install_chromium() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    echo "installing chromium and chromium-driver (Debian)"
    local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
}

# Superset with its Spark SQL driver, pinned in dashboards/e2e, into build/superset-venv.
install_superset() {
  local venv="$ROOT/build/superset-venv"
  if [ ! -x "$venv/bin/superset" ]; then
    echo "installing Superset into $venv"
    rm -rf "$venv"; "$(python_for_venvs)" -m venv "$venv"
    "$venv/bin/pip" install -q --upgrade pip >/dev/null
    "$venv/bin/pip" install -q -r "$ROOT/dashboards/e2e/requirements.txt" -c "$ROOT/dashboards/e2e/constraints.txt"
  fi
}

# Stock dbt-core and dbt-spark, pinned in dbt-style-models/parity, into build/dbt-venv.
install_dbt() {
  local venv="$ROOT/build/dbt-venv"
  if [ ! -x "$venv/bin/dbt" ]; then
    echo "installing dbt-core and dbt-spark into $venv"
    rm -rf "$venv"; "$(python_for_venvs)" -m venv "$venv"
    "$venv/bin/pip" install -q -r "$ROOT/dbt-style-models/parity/requirements.txt" -c "$ROOT/dbt-style-models/parity/constraints.txt"
  fi
}

# pyspark 3.5.4, for Spark's own scripts and jars (the standalone master and worker), into build/venv-spark.
install_pyspark() {
  local venv="$ROOT/build/venv-spark"
  if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import pyspark' 2>/dev/null; then
    echo "installing pyspark 3.5.4 into $venv"
    rm -rf "$venv"; python3 -m venv "$venv"
    "$venv/bin/pip" install -q pyspark==3.5.4
  fi
}
