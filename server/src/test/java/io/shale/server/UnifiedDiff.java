package io.shale.server;

import java.util.ArrayList;
import java.util.List;

/** A line diff in unified format (three lines of context), for golden-file failures. */
final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    /** The unified diff from {@code expected} to {@code actual}, or an empty string when equal. */
    static String diff(String expectedName, List<String> expected, String actualName, List<String> actual) {
        List<Edit> edits = edits(expected, actual);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).kind == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            int lastChange = i;
            while (end < edits.size() && end - lastChange <= 2 * CONTEXT) {
                if (edits.get(end).kind != ' ') {
                    lastChange = end;
                }
                end++;
            }
            end = Math.min(edits.size(), lastChange + CONTEXT + 1);
            if (out.isEmpty()) {
                out.append("--- ").append(expectedName).append('\n').append("+++ ").append(actualName).append('\n');
            }
            appendHunk(out, edits.subList(start, end));
            i = end;
        }
        return out.toString();
    }

    private static void appendHunk(StringBuilder out, List<Edit> hunk) {
        Edit first = hunk.getFirst();
        int oldCount = 0;
        int newCount = 0;
        for (Edit edit : hunk) {
            oldCount += edit.kind == '+' ? 0 : 1;
            newCount += edit.kind == '-' ? 0 : 1;
        }
        out.append("@@ -").append(first.oldLine + 1).append(',').append(oldCount)
                .append(" +").append(first.newLine + 1).append(',').append(newCount).append(" @@\n");
        for (Edit edit : hunk) {
            out.append(edit.kind).append(edit.text).append('\n');
        }
    }

    private record Edit(char kind, String text, int oldLine, int newLine) {
    }

    /** The edit script of a longest common subsequence of lines. */
    private static List<Edit> edits(List<String> a, List<String> b) {
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Edit> edits = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                edits.add(new Edit(' ', a.get(i), i++, j++));
            } else if (j < b.size() && (i == a.size() || common[i][j + 1] > common[i + 1][j])) {
                edits.add(new Edit('+', b.get(j), i, j++));
            } else {
                edits.add(new Edit('-', a.get(i), i++, j));
            }
        }
        return edits;
    }
}
