-- The examples of the second seed document (how elastic clusters store shards), on a coordinator
-- with two workers. Ports are normalised by the test: PORT0 (coordinator), PORT1, PORT2.
select nodeid, nodename, nodeport from pg_dist_node order by nodeid;
select * from pg_dist_local_group;
CREATE TABLE github_events (event_id bigint, event_type text, repo_id bigint, created_at timestamp);
SELECT create_distributed_table('github_events', 'repo_id');
SELECT * from pg_dist_shard WHERE shardid BETWEEN 102026 AND 102029 ORDER BY shardid;
SELECT count(*), min(shardid), max(shardid) FROM pg_dist_shard WHERE logicalrelid = 'github_events'::regclass;
INSERT INTO github_events SELECT i, 'PushEvent', i % 100, timestamp '2026-11-22 10:00' FROM generate_series(1, 1000) i;
SELECT count(*) FROM github_events;
SELECT
    shardid,
    node.nodename,
    node.nodeport
FROM pg_dist_placement placement
JOIN pg_dist_node node
  ON placement.groupid = node.groupid
 AND node.noderole = 'primary'::noderole
WHERE shardid = 102027;
SELECT count(*) FROM github_events WHERE worker_hash(repo_id) BETWEEN 402653184 AND 536870911;
SELECT repo_id, count(*) FROM github_events WHERE repo_id = 42 GROUP BY repo_id;
SELECT event_type, count(*), sum(repo_id), avg(event_id) FROM github_events GROUP BY event_type;
SELECT repo_id FROM github_events ORDER BY repo_id DESC, event_id LIMIT 3;
UPDATE github_events SET event_type = 'WatchEvent' WHERE repo_id = 7;
DELETE FROM github_events WHERE repo_id = 8;
SELECT event_type, count(*) FROM github_events GROUP BY event_type ORDER BY event_type;
