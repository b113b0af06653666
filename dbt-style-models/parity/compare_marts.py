"""Do the marts dbt-spark built equal the Java runner's? Compares every mart of the project, row
for row (EXCEPT ALL both ways), through the SQL endpoint.

Values are compared exactly by default. With --digits N doubles are compared to N significant
digits: the same SQL can sum in a different order when Spark plans it differently (another
cluster layout), which moves the last bits. Exit 1 if any mart differs.
"""
import argparse
import glob
import os
import sys

from pyhive import hive


def columns(cursor, table):
    cursor.execute(f"DESCRIBE {table}")
    out = []
    for name, data_type, _ in cursor.fetchall():
        if not name or name.startswith("#"):
            break
        out.append((name, data_type))
    return out


def comparable(name, data_type, digits):
    if data_type in ("double", "float") and digits:
        return f"format_string('%.{digits}g', `{name}`) AS `{name}`"
    if data_type.startswith("map<"):
        return f"to_json(`{name}`) AS `{name}`"
    return f"`{name}`"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--project", required=True)
    parser.add_argument("--schema", required=True, help="where dbt built the marts")
    parser.add_argument("--reference", default="gold", help="the Java runner's published marts")
    parser.add_argument("--digits", type=int, default=0, help="compare doubles to this many significant digits")
    args = parser.parse_args()
    marts = sorted(os.path.basename(p)[:-4] for p in glob.glob(os.path.join(args.project, "models", "marts", "*.sql")))
    cursor = hive.connect(host="127.0.0.1", port=args.port, username="parity").cursor()
    differing = []
    for mart in marts:
        ours, theirs = f"{args.reference}.{mart}", f"{args.schema}.{mart}"
        ours_columns, their_columns = columns(cursor, ours), columns(cursor, theirs)
        if ours_columns != their_columns:
            differing.append(mart)
            print(f"{mart:<28} columns differ: java {ours_columns} vs dbt {their_columns}")
            continue
        select = ", ".join(comparable(n, t, args.digits) for n, t in ours_columns)
        counts = []
        for left, right in ((ours, theirs), (theirs, ours)):
            cursor.execute(f"SELECT count(*) FROM (SELECT {select} FROM {left} EXCEPT ALL SELECT {select} FROM {right}) d")
            counts.append(cursor.fetchone()[0])
        cursor.execute(f"SELECT count(*) FROM {ours}")
        rows = cursor.fetchone()[0]
        same = counts == [0, 0]
        if not same:
            differing.append(mart)
        print(f"{mart:<28} {rows:>8} rows  {'equal' if same else f'DIFFERENT: {counts[0]} only in java, {counts[1]} only in dbt'}")
    print(f"dbt-parity: {len(marts) - len(differing)} of {len(marts)} marts equal"
          + (f"; different: {', '.join(differing)}" if differing else ""))
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
