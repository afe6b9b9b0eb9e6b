package io.shale.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Transitive role memberships, computed once per catalog snapshot. */
final class RoleGraph {
    private RoleGraph() {
    }

    /** For each role that is a member of some role: itself and the roles whose privileges it inherits. */
    static Map<Integer, int[]> privilegeClosures(Map<Integer, Role> roles, List<RoleMembership> memberships) {
        if (memberships.isEmpty()) {
            return Map.of();
        }
        Map<Integer, List<Integer>> parents = parents(memberships);
        Map<Integer, int[]> result = new HashMap<>();
        for (Integer member : parents.keySet()) {
            result.put(member, closure(member, parents, roles, true));
        }
        return Map.copyOf(result);
    }

    /** The roles a role belongs to directly: role oid → roles it is a member of. */
    static Map<Integer, List<Integer>> parents(List<RoleMembership> memberships) {
        Map<Integer, List<Integer>> parents = new HashMap<>();
        for (RoleMembership m : memberships) {
            parents.computeIfAbsent(m.memberOid(), k -> new ArrayList<>()).add(m.roleOid());
        }
        return parents;
    }

    /**
     * The role and every role it is a member of, directly or not; with {@code honourInherit}, the
     * search does not go past roles without INHERIT (their own memberships give no privileges).
     */
    static int[] closure(int roleOid, Map<Integer, List<Integer>> parents, Map<Integer, Role> roles,
                         boolean honourInherit) {
        List<Integer> found = new ArrayList<>();
        found.add(roleOid);
        for (int i = 0; i < found.size(); i++) {
            int current = found.get(i);
            if (honourInherit) {
                Role r = roles.get(current);
                if (r != null && !r.inherit()) {
                    continue;
                }
            }
            for (Integer parent : parents.getOrDefault(current, List.of())) {
                if (!found.contains(parent)) {
                    found.add(parent);
                }
            }
        }
        int[] result = new int[found.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = found.get(i);
        }
        return result;
    }
}
