package tlsconf.conformance.report;

/** Escaping for the XML and HTML reports. */
final class Text {
    private Text() {
    }

    static String xml(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    // XML 1.0 forbids most control characters even escaped.
                    if (ch >= 0x20 || ch == '\n' || ch == '\t' || ch == '\r') {
                        b.append(ch);
                    } else {
                        b.append("\\u").append(String.format("%04x", (int) ch));
                    }
                }
            }
        }
        return b.toString();
    }
}
