package io.basalt.mysql.server;

/**
 * Counts connections whose session is not yet released, so shutdown can wait for every session to
 * be closed before it stops the threads that close them.
 */
final class OpenConnections {
    private int open;

    synchronized void opened() {
        open++;
    }

    synchronized void closed() {
        open--;
        notifyAll();
    }

    synchronized int count() {
        return open;
    }

    /** Waits until no connection is open; false when {@code timeoutMillis} passed first. */
    synchronized boolean awaitNone(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (open > 0) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }
}
