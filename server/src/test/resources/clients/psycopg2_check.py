"""psycopg2 against Shale: implicit transactions, RETURNING, named cursors, rollback on close.

Usage: /usr/bin/python3 psycopg2_check.py PORT  (prints one line per check; exit 0 when all pass)
"""
import sys

import psycopg2
from psycopg2.extras import execute_values

port = int(sys.argv[1])
c = psycopg2.connect(host="127.0.0.1", port=port, user="postgres", dbname="postgres")
cur = c.cursor()
cur.execute("CREATE TABLE py_items (id serial PRIMARY KEY, name text NOT NULL)")
c.commit()
cur.execute("INSERT INTO py_items (name) VALUES (%s) RETURNING id", ("it's",))
assert cur.fetchone() == (1,)
c.commit()
print("insert returning: ok")
named = c.cursor("srv")
named.execute("SELECT id, name FROM py_items ORDER BY id")
assert named.fetchall() == [(1, "it's")]
named.close()
c.commit()
print("named cursor: ok")
cur.execute("INSERT INTO py_items (name) VALUES ('never committed')")
c.close()
c = psycopg2.connect(host="127.0.0.1", port=port, user="postgres", dbname="postgres")
cur = c.cursor()
cur.execute("SELECT count(*) FROM py_items")
assert cur.fetchone() == (1,)
print("rollback on close: ok")
execute_values(cur, "INSERT INTO py_items (name) VALUES %s", [("x",), ("y",)])
c.commit()
cur.execute("SELECT name FROM py_items ORDER BY id")
assert [r[0] for r in cur.fetchall()] == ["it's", "x", "y"]
print("execute_values: ok")
try:
    cur.execute("SELECT * FROM py_missing")
    raise AssertionError("expected an error")
except psycopg2.errors.UndefinedTable:
    c.rollback()
print("errors: ok")
c.close()
