#!/usr/bin/env bash
# Regenerates server/src/test/resources/golden-cluster/*.out (GoldenClusterPsqlIT) from a scratch PostgreSQL 15,
# where golden-cluster/oracle-setup.sql first defines the Citus functions as functions that do nothing.
#   scripts/golden-cluster-regenerate.sh [name ...]
exec env GOLDEN=golden-cluster "$(dirname "$0")/golden-regenerate.sh" "$@"
