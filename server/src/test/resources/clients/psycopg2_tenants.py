"""psycopg2 against a distributed schema owned by a role that logs in with a password (SCRAM).

Usage: /usr/bin/python3 psycopg2_tenants.py COORDINATOR_PORT WORKER_PORT POSTGRES_PASSWORD
(prints one line per check; exit 0 when all pass)
"""
import sys

import psycopg2

coordinator, worker, admin_password = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]


def connect(port, user, password):
    return psycopg2.connect(host="127.0.0.1", port=port, user=user, password=password, dbname="postgres")


admin = connect(coordinator, "postgres", admin_password)
admin.autocommit = True
cur = admin.cursor()
cur.execute("CREATE ROLE tenant_app LOGIN PASSWORD 'app-secret'")
cur.execute("CREATE SCHEMA AUTHORIZATION tenant_app")
admin.close()

app = connect(coordinator, "tenant_app", "app-secret")
cur = app.cursor()
cur.execute("SELECT current_user, current_schema()")
assert cur.fetchone() == ("tenant_app", "tenant_app")
cur.execute("CREATE TABLE items (id bigserial PRIMARY KEY, name text NOT NULL)")
app.commit()
cur.execute("SELECT citus_schema_distribute('tenant_app')")
app.commit()
cur.execute("SELECT count(*) FROM pg_dist_schema WHERE schemaid = 'tenant_app'::regnamespace")
assert cur.fetchone() == (1,)
cur.execute("SELECT partmethod, repmodel FROM pg_dist_partition WHERE logicalrelid = 'tenant_app.items'::regclass")
assert cur.fetchone() == ("n", "s")
print("distributed schema: ok")

cur.execute("INSERT INTO items (name) VALUES (%s) RETURNING id", ("it's",))
first = cur.fetchone()[0]
app.commit()
cur.execute("SELECT name FROM tenant_app.items WHERE id = %s", (first,))
assert cur.fetchone() == ("it's",)
app.commit()
print("insert returning: ok")

cur.execute("INSERT INTO items (name) VALUES ('never committed') RETURNING id")
cur.fetchone()
app.close()
app = connect(coordinator, "tenant_app", "app-secret")
cur = app.cursor()
cur.execute("SELECT count(*) FROM items")
assert cur.fetchone() == (1,)
app.commit()
print("rollback on close: ok")

via_worker = connect(worker, "tenant_app", "app-secret")
wcur = via_worker.cursor()
wcur.execute("INSERT INTO items (name) VALUES (%s) RETURNING id", ("from a worker",))
second = wcur.fetchone()[0]
assert second != first
via_worker.commit()
wcur.execute("SELECT name FROM items ORDER BY name")
assert [r[0] for r in wcur.fetchall()] == ["from a worker", "it's"]
via_worker.commit()
wcur.execute("INSERT INTO items (name) VALUES ('never committed either')")
via_worker.close()
cur.execute("SELECT name FROM items WHERE id = %s", (second,))
assert cur.fetchone() == ("from a worker",)
cur.execute("SELECT count(*) FROM items")
assert cur.fetchone() == (2,)
app.commit()
print("through a worker: ok")

try:
    connect(coordinator, "tenant_app", "wrong")
    raise AssertionError("expected a password failure")
except psycopg2.OperationalError as e:
    assert "password authentication failed" in str(e), str(e)
print("wrong password: ok")
app.close()
