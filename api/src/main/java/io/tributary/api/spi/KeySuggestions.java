package io.tributary.api.spi;

/**
 * "Did you mean …?" for configuration keys: the Levenshtein distance between two keys. Shared by
 * plugin component configs ({@link ConfigSpec}) and the runtime's own configuration checks, so a
 * typo is suggested the same way everywhere.
 */
public final class KeySuggestions {
    private KeySuggestions() {
    }

    /** Edits (insert, delete, substitute one character) that turn {@code a} into {@code b}. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
