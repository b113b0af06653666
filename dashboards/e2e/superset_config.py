# Superset settings for the end-to-end test: a throwaway instance with SQLite metadata in the
# build folder. Not a production configuration (no CSRF, fixed secret).
import os

_HOME = os.environ["SUPERSET_HOME"]
SECRET_KEY = "engineroom-e2e-only-not-a-secret"
SQLALCHEMY_DATABASE_URI = "sqlite:///" + os.path.join(_HOME, "superset.db")
WTF_CSRF_ENABLED = False
FAB_ADD_SECURITY_API = True          # roles and users over the REST API (the RLS script uses it)
FEATURE_FLAGS = {"DASHBOARD_RBAC": False, "EMBEDDED_SUPERSET": False}
# Charts may wait for the Spark endpoint's first queries (JIT, Delta log reads).
SQLLAB_TIMEOUT = 300
SUPERSET_WEBSERVER_TIMEOUT = 300
CACHE_CONFIG = {"CACHE_TYPE": "NullCache"}
DATA_CACHE_CONFIG = {"CACHE_TYPE": "NullCache"}
TALISMAN_ENABLED = False
