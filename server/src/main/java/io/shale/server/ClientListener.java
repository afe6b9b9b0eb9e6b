package io.shale.server;

/** The node's PostgreSQL protocol endpoint: listens once started, stops accepting when closed. */
public interface ClientListener extends AutoCloseable {

    /** Binds and starts accepting clients; returns the bound port (useful when port 0 was asked). */
    int start();

    /** Stops listening and ends open connections. Idempotent. */
    @Override
    void close();
}
