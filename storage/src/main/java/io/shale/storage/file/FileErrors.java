package io.shale.storage.file;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;

/** PostgreSQL-worded errors of the file layer: {@code could not write to file "x": reason}. */
final class FileErrors {

    private FileErrors() {
    }

    /** {@code action} is PostgreSQL's verb phrase, e.g. {@code "write to"}, {@code "open"}. */
    static ShaleException io(String action, String path, IOException cause) {
        String reason = reason(cause);
        ErrorCode code = reason.contains("No space left") ? ErrorCode.DISK_FULL : ErrorCode.IO_ERROR;
        return new ShaleException(code, "could not " + action + " file \"" + path + "\": " + reason, cause);
    }

    static ShaleException missing(String action, String path) {
        return new ShaleException(ErrorCode.IO_ERROR,
                "could not " + action + " file \"" + path + "\": No such file or directory");
    }

    static ShaleException exists(String path) {
        return new ShaleException(ErrorCode.IO_ERROR,
                "could not create file \"" + path + "\": File exists");
    }

    static ShaleException shortRead(String path, long position, int read, int wanted) {
        return new ShaleException(ErrorCode.DATA_CORRUPTED, "could not read file \"" + path
                + "\" at offset " + position + ": read only " + read + " of " + wanted + " bytes");
    }

    static ShaleException closed(String path) {
        return new ShaleException(ErrorCode.IO_ERROR, "could not access file \"" + path
                + "\": file is closed");
    }

    static void checkName(String name) {
        if (name.isEmpty() || name.indexOf('/') >= 0 || name.indexOf('\\') >= 0
                || name.equals(".") || name.equals("..")) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "invalid file name \"" + name + "\"");
        }
    }

    private static String reason(IOException e) {
        return switch (e) {
            case NoSuchFileException ignored -> "No such file or directory";
            case FileAlreadyExistsException ignored -> "File exists";
            case AccessDeniedException ignored -> "Permission denied";
            case DirectoryNotEmptyException ignored -> "Directory not empty";
            default -> e.getMessage() == null ? "input/output error" : e.getMessage();
        };
    }
}
