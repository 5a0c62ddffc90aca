package io.basalt.tests.harness;

/** Tells whether a started server is ready to serve; asked repeatedly until it is or time runs out. */
@FunctionalInterface
public interface ReadinessProbe {

    /**
     * @return true once ready
     * @throws Exception when not ready yet; its message is reported if the server never becomes ready
     */
    boolean ready() throws Exception;
}
