package io.shale.engine.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the tab-separated data files of this package (taken from PostgreSQL 15's catalogs). */
final class TsvResource {
    private TsvResource() {
    }

    /** The non-empty lines of a resource beside this class, split at tabs. */
    static List<String[]> read(String name) {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = TsvResource.class.getResourceAsStream(name);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isEmpty()) {
                    out.add(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
