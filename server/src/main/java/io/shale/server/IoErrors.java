package io.shale.server;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Turns file-system failures into errors worded like PostgreSQL's ({@code could not … "path": reason}). */
final class IoErrors {
    private IoErrors() {
    }

    /** A 58030 error: {@code action} (for example {@code could not create directory "x"}), a colon, the reason. */
    static ShaleException ioError(String action, IOException cause) {
        return new ShaleException(ErrorCode.IO_ERROR, action + ": " + reason(cause), cause);
    }

    private static String reason(IOException cause) {
        return switch (cause) {
            case NoSuchFileException ignored -> "No such file or directory";
            case AccessDeniedException ignored -> "Permission denied";
            case FileAlreadyExistsException ignored -> "File exists";
            case NotDirectoryException ignored -> "Not a directory";
            case FileSystemException fileSystem when fileSystem.getReason() != null -> fileSystem.getReason();
            default -> String.valueOf(cause.getMessage());
        };
    }
}
