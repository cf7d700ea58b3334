package io.tributary.runtime.transport;

/** An exception and its causes as one line of text, for errors a transport reports to its user. */
public final class CauseChain {
    private CauseChain() {
    }

    /**
     * Each message of the chain once, outermost first ({@code a: b: c}): clients wrap a short reason
     * around the one that says why, often repeating it. A throwable without a message is named by its
     * class; a class name is not a reason, so it never hides a later message.
     */
    public static String describe(Throwable e) {
        StringBuilder out = new StringBuilder();
        StringBuilder said = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m == null) {
                m = t.getClass().getSimpleName();
            } else if (said.indexOf(m) >= 0) {
                continue;
            } else {
                said.append(m).append('\n');
            }
            out.append(out.length() == 0 ? "" : ": ").append(m);
        }
        return out.toString();
    }
}
