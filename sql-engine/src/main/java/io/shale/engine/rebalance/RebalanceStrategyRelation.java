package io.shale.engine.rebalance;

import io.shale.catalog.distribution.RebalanceStrategy;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;
import io.shale.engine.citus.CitusRelations;
import io.shale.engine.system.SystemColumn;
import io.shale.engine.system.SystemContext;
import io.shale.engine.system.SystemRelation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** {@code pg_dist_rebalance_strategy} (citus.md §2.7): the database's strategy rows, functions as regproc. */
public final class RebalanceStrategyRelation implements SystemRelation {
    @Override
    public int oid() {
        return CitusRelations.FIRST_OID + 60;
    }

    @Override
    public String schema() {
        return "pg_catalog";
    }

    @Override
    public String name() {
        return "pg_dist_rebalance_strategy";
    }

    @Override
    public char kind() {
        return 'r';
    }

    @Override
    public List<SystemColumn> columns() {
        SqlType regproc = SqlType.of(TypeOids.REGPROC);
        return List.of(new SystemColumn("name", SqlType.NAME), new SystemColumn("default_strategy", SqlType.BOOL),
                new SystemColumn("shard_cost_function", regproc), new SystemColumn("node_capacity_function", regproc),
                new SystemColumn("shard_allowed_on_node_function", regproc),
                new SystemColumn("default_threshold", SqlType.FLOAT4),
                new SystemColumn("minimum_threshold", SqlType.FLOAT4),
                new SystemColumn("improvement_threshold", SqlType.FLOAT4));
    }

    @Override
    public Iterator<Object[]> rows(SystemContext context) {
        List<Object[]> rows = new ArrayList<>();
        for (RebalanceStrategy s : context.catalog().objects(context.databaseOid()).rebalanceStrategies()) {
            rows.add(new Object[]{s.name(), s.defaultStrategy(), RebalanceFunctions.procOid(s.shardCostFunction()),
                    RebalanceFunctions.procOid(s.nodeCapacityFunction()),
                    RebalanceFunctions.procOid(s.shardAllowedOnNodeFunction()), s.defaultThreshold(),
                    s.minimumThreshold(), s.improvementThreshold()});
        }
        return rows.iterator();
    }
}
