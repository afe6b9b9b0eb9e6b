-- The first seed document (the microservices tutorial), statement by statement, through psql on
-- ./shale start, as the superuser postgres, to its end: the rebalance. The roles log in with
-- SCRAM-SHA-256 (the cluster's pg_hba.conf trusts only postgres); psql takes their password from
-- PGPASSWORD. What the tutorial's HTTP calls would write is written with INSERTs.

-- Create a cluster: the tutorial works in a database named citus.
CREATE DATABASE citus;
\c citus

-- Create roles for your microservices
CREATE ROLE userservice LOGIN PASSWORD 'tutorial-secret';
CREATE ROLE timeservice LOGIN PASSWORD 'tutorial-secret';
CREATE ROLE pingservice LOGIN PASSWORD 'tutorial-secret';

-- Use psql utility to create distributed schemas: citus_schema_distribute
CREATE SCHEMA AUTHORIZATION userservice;
CREATE SCHEMA AUTHORIZATION timeservice;
CREATE SCHEMA AUTHORIZATION pingservice;

SELECT citus_schema_distribute('userservice');
SELECT citus_schema_distribute('timeservice');
SELECT citus_schema_distribute('pingservice');

select * from citus_schemas;

-- The alternative: citus.enable_schema_based_sharding, for three more services.
CREATE ROLE orderservice LOGIN PASSWORD 'tutorial-secret';
CREATE ROLE cartservice LOGIN PASSWORD 'tutorial-secret';
CREATE ROLE mailservice LOGIN PASSWORD 'tutorial-secret';

SET citus.enable_schema_based_sharding TO ON;

CREATE SCHEMA AUTHORIZATION orderservice;
CREATE SCHEMA AUTHORIZATION cartservice;
CREATE SCHEMA AUTHORIZATION mailservice;

select * from citus_schemas;

-- Create tables for the sample services
\c citus userservice
CREATE TABLE users (
    id SERIAL PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    email VARCHAR(255) NOT NULL
);
\c citus timeservice
CREATE TABLE query_details (
    id SERIAL PRIMARY KEY,
    ip_address INET NOT NULL,
    query_time TIMESTAMP NOT NULL
);
\c citus pingservice
CREATE TABLE ping_results (
    id SERIAL PRIMARY KEY,
    host VARCHAR(255) NOT NULL,
    result TEXT NOT NULL
);
\c citus orderservice
CREATE TABLE orders (id bigserial PRIMARY KEY, placed_at timestamptz NOT NULL DEFAULT now());

-- Run services: what the API calls write.
\c citus userservice
INSERT INTO users (name, email) VALUES
  ('John Doe', 'john@example.com'),
  ('Jane Smith', 'jane@example.com'),
  ('Mike Johnson', 'mike@example.com'),
  ('Emily Davis', 'emily@example.com'),
  ('David Wilson', 'david@example.com'),
  ('Sarah Thompson', 'sarah@example.com'),
  ('Alex Miller', 'alex@example.com'),
  ('Olivia Anderson', 'olivia@example.com'),
  ('Daniel Martin', 'daniel@example.com'),
  ('Sophia White', 'sophia@example.com')
RETURNING id;
SELECT id, name, email FROM users ORDER BY id;
\c citus timeservice
INSERT INTO query_details (ip_address, query_time) VALUES ('203.0.113.7', now());
SELECT count(*), min(ip_address) FROM query_details;
\c citus pingservice
INSERT INTO ping_results (host, result) VALUES ('example.com', 'PING example.com (93.184.215.14): 56 data bytes, 64 bytes from 93.184.215.14: icmp_seq=0 ttl=56 time=11.6 ms');
SELECT host, left(result, 16) FROM ping_results;
-- A service cannot read another's schema.
SELECT count(*) FROM userservice.users;

-- The three extra schemas go again.
\c citus postgres
DROP SCHEMA orderservice CASCADE;
DROP SCHEMA cartservice, mailservice;

-- Explore the database
select * from citus_schemas;

  select nodename,nodeport, table_name, pg_size_pretty(sum(shard_size))
    from citus_shards
group by nodename,nodeport, table_name;

-- Rebalance the cluster by disk size: a background job.
select citus_rebalance_start();

-- Wait for the job (not in the tutorial, which looks later).
select citus_rebalance_wait();

-- The new layout.
  select nodename,nodeport, table_name, pg_size_pretty(sum(shard_size))
    from citus_shards
group by nodename,nodeport, table_name;
