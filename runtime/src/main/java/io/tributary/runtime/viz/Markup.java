package io.tributary.runtime.viz;

/** Escaping for XML text and attribute values. */
final class Markup {
    private Markup() {
    }

    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&':
                    b.append("&amp;");
                    break;
                case '<':
                    b.append("&lt;");
                    break;
                case '>':
                    b.append("&gt;");
                    break;
                case '"':
                    b.append("&quot;");
                    break;
                case '\'':
                    b.append("&apos;");
                    break;
                default:
                    // XML 1.0 forbids most control characters even escaped: show them as '?'
                    b.append(c < 0x20 && c != '\n' && c != '\t' ? '?' : c);
            }
        }
        return b.toString();
    }
}
