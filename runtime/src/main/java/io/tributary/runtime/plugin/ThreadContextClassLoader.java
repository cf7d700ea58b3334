package io.tributary.runtime.plugin;

/**
 * Sets the thread's context class loader to a plugin's while plugin code runs (libraries inside
 * plugins look things up through it), and restores it on close.
 */
final class ThreadContextClassLoader implements AutoCloseable {
    private final Thread thread;
    private final ClassLoader previous;

    ThreadContextClassLoader(ClassLoader loader) {
        this.thread = Thread.currentThread();
        this.previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
    }

    @Override
    public void close() {
        thread.setContextClassLoader(previous);
    }
}
