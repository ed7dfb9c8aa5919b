package dev.gcm.hypervisor.record;

import java.util.regex.Pattern;

/**
 * Label keys and values as Kubernetes defines them, for host labels and pool selectors: a key is an
 * optional prefix (a DNS subdomain of at most 253 characters) and '/', then a name of at most 63
 * characters (letters, digits, '-', '_', '.', starting and ending with a letter or digit); a value is
 * empty or such a name.
 */
public final class Labels {

    /** The most labels a host record carries, and the most keys a pool selector names. */
    public static final int MAX_LABELS = 64;
    public static final int MAX_PREFIX = 253;
    public static final int MAX_NAME = 63;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private Labels() {
    }

    public static boolean validKey(String key) {
        if (key == null) {
            return false;
        }
        int slash = key.indexOf('/');
        String name = slash < 0 ? key : key.substring(slash + 1);
        return (slash < 0 || validPrefix(key.substring(0, slash))) && validName(name);
    }

    public static boolean validValue(String value) {
        return value != null && (value.isEmpty() || validName(value));
    }

    /** What a valid key looks like, for messages. */
    public static String keyRule() {
        return "a label key is [prefix/]name: prefix a DNS subdomain of at most " + MAX_PREFIX
                + " characters, name at most " + MAX_NAME + " letters, digits, '-', '_' or '.', starting and"
                + " ending with a letter or digit";
    }

    /** What a valid value looks like, for messages. */
    public static String valueRule() {
        return "a label value is empty or at most " + MAX_NAME + " letters, digits, '-', '_' or '.', starting and"
                + " ending with a letter or digit";
    }

    private static boolean validName(String name) {
        return name.length() <= MAX_NAME && NAME.matcher(name).matches();
    }

    private static boolean validPrefix(String prefix) {
        if (prefix.isEmpty() || prefix.length() > MAX_PREFIX) {
            return false;
        }
        for (String label : prefix.split("\\.", -1)) {
            if (!DNS_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }
}
