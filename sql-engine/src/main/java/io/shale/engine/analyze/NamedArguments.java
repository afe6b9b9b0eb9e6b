package io.shale.engine.analyze;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.function.FunctionRegistry;
import io.shale.grammar.ast.BooleanLiteral;
import io.shale.grammar.ast.Expression;
import io.shale.grammar.ast.FunctionCall;
import io.shale.grammar.ast.IntegerLiteral;
import io.shale.grammar.ast.NamedArgument;
import io.shale.grammar.ast.NullLiteral;
import io.shale.grammar.ast.StringLiteral;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Calls with named arguments ({@code f(a, b => 1)}, {@code f(a, b := 1)}) of the functions whose
 * parameter names and defaults are known here (Citus's SQL API): the call is rewritten to
 * positional arguments, the missing ones filled with their defaults, as PostgreSQL does.
 */
final class NamedArguments {
    /** A parameter: its name and its default (null when it has none). */
    private record Parameter(String name, Expression defaultValue) {
    }

    private static final Map<String, List<Parameter>> PARAMETERS = Map.ofEntries(
            Map.entry("create_distributed_table", List.of(required("table_name"), required("distribution_column"),
                    text("distribution_type", "hash"), text("colocate_with", "default"), nullDefault("shard_count"))),
            Map.entry("create_distributed_table_concurrently", List.of(required("table_name"),
                    required("distribution_column"), text("distribution_type", "hash"), text("colocate_with", "default"),
                    nullDefault("shard_count"))),
            Map.entry("create_reference_table", List.of(required("table_name"))),
            Map.entry("undistribute_table", List.of(required("table_name"), bool("cascade_via_foreign_keys", false))),
            Map.entry("truncate_local_data_after_distributing_table", List.of(required("function_name"))),
            Map.entry("get_shard_id_for_distribution_column", List.of(required("table_name"),
                    nullDefault("distribution_value"))),
            Map.entry("shard_name", List.of(required("object_name"), required("shard_id"),
                    bool("skip_qualify_public", true))),
            Map.entry("citus_add_node", List.of(required("nodename"), required("nodeport"), integer("groupid", -1),
                    text("noderole", "primary"), text("nodecluster", "default"))),
            Map.entry("citus_set_coordinator_host", List.of(required("host"), required("port"), required("node_role"),
                    required("node_cluster"))),
            Map.entry("citus_update_node", List.of(required("node_id"), required("new_node_name"),
                    required("new_node_port"), bool("force", false), integer("lock_cooldown", 10000))),
            Map.entry("citus_disable_node", List.of(required("nodename"), required("nodeport"),
                    bool("synchronous", false))),
            Map.entry("citus_job_wait", List.of(required("jobid"), nullDefault("desired_status"))),
            Map.entry("citus_task_wait", List.of(required("taskid"), nullDefault("desired_status"))),
            Map.entry("citus_job_status", List.of(required("job_id"), bool("raw", false))),
            Map.entry("citus_job_cancel", List.of(required("jobid"))),
            Map.entry("get_rebalance_table_shards_plan", List.of(nullDefault("relation"), nullDefault("threshold"),
                    integer("max_shard_moves", 1_000_000), text("excluded_shard_list", "{}"), bool("drain_only", false),
                    nullDefault("rebalance_strategy"), nullDefault("improvement_threshold"))),
            Map.entry("rebalance_table_shards", List.of(nullDefault("relation"), nullDefault("threshold"),
                    integer("max_shard_moves", 1_000_000), text("excluded_shard_list", "{}"),
                    text("shard_transfer_mode", "auto"), bool("drain_only", false), nullDefault("rebalance_strategy"))),
            Map.entry("citus_rebalance_start", List.of(nullDefault("rebalance_strategy"), bool("drain_only", false),
                    text("shard_transfer_mode", "auto"), bool("parallel_transfer_reference_tables", false),
                    bool("parallel_transfer_colocated_shards", false))),
            Map.entry("citus_rebalance_status", List.of(bool("raw", false))),
            Map.entry("citus_drain_node", List.of(required("nodename"), required("nodeport"),
                    text("shard_transfer_mode", "auto"), nullDefault("rebalance_strategy"))),
            Map.entry("citus_add_rebalance_strategy", List.of(required("name"), required("shard_cost_function"),
                    required("node_capacity_function"), required("shard_allowed_on_node_function"),
                    required("default_threshold"), nullDefault("minimum_threshold"),
                    nullDefault("improvement_threshold"))),
            Map.entry("citus_set_node_property", List.of(required("nodename"), required("nodeport"),
                    required("property"), required("value"))),
            Map.entry("citus_move_shard_placement", List.of(required("shard_id"), required("source_node_name"),
                    required("source_node_port"), required("target_node_name"), required("target_node_port"),
                    text("shard_transfer_mode", "auto"))),
            Map.entry("citus_schema_move", List.of(required("schema_id"), required("target_node_name"),
                    required("target_node_port"), text("shard_transfer_mode", "auto"))));

    /** Second overloads whose parameter names differ: chosen when every named argument is one of theirs. */
    private static final Map<String, List<Parameter>> OTHER_OVERLOADS = Map.of(
            "citus_move_shard_placement", List.of(required("shard_id"), required("source_node_id"),
                    required("target_node_id"), text("transfer_mode", "auto")),
            "citus_schema_move", List.of(required("schema_id"), required("target_node_id"),
                    text("shard_transfer_mode", "auto")));

    private NamedArguments() {
    }

    private static Parameter required(String name) {
        return new Parameter(name, null);
    }

    private static Parameter text(String name, String value) {
        return new Parameter(name, new StringLiteral(value, -1));
    }

    private static Parameter integer(String name, long value) {
        return new Parameter(name, new IntegerLiteral(Long.toString(value), -1));
    }

    private static Parameter bool(String name, boolean value) {
        return new Parameter(name, new BooleanLiteral(value, -1));
    }

    private static Parameter nullDefault(String name) {
        return new Parameter(name, new NullLiteral(-1));
    }

    /** Whether a call uses named arguments. */
    static boolean uses(FunctionCall call) {
        for (Expression arg : call.arguments()) {
            if (arg instanceof NamedArgument) {
                return true;
            }
        }
        return false;
    }

    /** The call with positional arguments; 0A000 for a function whose parameter names are not known. */
    static FunctionCall positional(String name, FunctionCall call) {
        List<Parameter> parameters = PARAMETERS.get(name);
        if (parameters == null) {
            NamedArgument first = null;
            for (Expression arg : call.arguments()) {
                if (arg instanceof NamedArgument n && first == null) {
                    first = n;
                }
            }
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "named arguments are not supported for function "
                    + name).withPosition(first.position());
        }
        List<Parameter> other = OTHER_OVERLOADS.get(name);
        if (other != null && !namesAll(parameters, call) && namesAll(other, call)) {
            parameters = other;
        }
        Expression[] values = new Expression[parameters.size()];
        int last = -1;
        int positional = 0;
        for (Expression arg : call.arguments()) {
            if (!(arg instanceof NamedArgument n)) {
                if (positional >= values.length) {
                    throw noFunction(name, call);
                }
                values[positional] = arg;
                last = Math.max(last, positional++);
                continue;
            }
            int index = indexOf(parameters, n.name());
            if (index < 0) {
                throw noFunction(name, call);
            }
            if (values[index] != null) {
                throw new ShaleException(ErrorCode.SYNTAX_ERROR, "argument name \"" + n.name() + "\" used more than once")
                        .withPosition(n.position());
            }
            values[index] = n.value();
            last = Math.max(last, index);
        }
        List<Expression> arguments = new ArrayList<>(last + 1);
        for (int i = 0; i <= last; i++) {
            Expression value = values[i] != null ? values[i] : parameters.get(i).defaultValue();
            if (value == null) {
                throw noFunction(name, call);
            }
            arguments.add(value);
        }
        return new FunctionCall(call.name(), arguments, call.distinct(), call.star(), call.variadic(), call.orderBy(),
                call.withinGroup(), call.filter(), call.window(), call.position());
    }

    private static boolean namesAll(List<Parameter> parameters, FunctionCall call) {
        for (Expression arg : call.arguments()) {
            if (arg instanceof NamedArgument n && indexOf(parameters, n.name()) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(List<Parameter> parameters, String name) {
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static ShaleException noFunction(String name, FunctionCall call) {
        return new ShaleException(ErrorCode.UNDEFINED_FUNCTION, "function " + name + " with the given named arguments"
                + " does not exist").withHint(FunctionRegistryHint.TEXT).withPosition(call.position());
    }

    /** PostgreSQL's hint for a call no function matches. */
    private static final class FunctionRegistryHint {
        static final String TEXT = "No function matches the given name and argument types. You might need to add"
                + " explicit type casts.";
    }
}
