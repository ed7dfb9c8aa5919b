package dev.gcm.facilitydb.forms;

import dev.gcm.facilitydb.qemu.CpuModelInfo;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * QEMU's {@code -cpu} argument: {@code [-cpu ]NAME[,PROP=VALUE]...}, with the boolean spellings QEMU accepts
 * (on, off, true, false, yes, no). A property given twice keeps its last value, as on QEMU's command line.
 */
public final class CpuArgument {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern PROPERTY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern PREFIX = Pattern.compile("^-{1,2}cpu(\\s+|=|$)");

    private CpuArgument() {
    }

    /** True when the text starts with {@code -cpu} (or {@code --cpu}) and a separator. */
    static boolean hasPrefix(String text) {
        return PREFIX.matcher(text).find();
    }

    /** Reads {@code -cpu z14-base,vx=off}, {@code z14,csske=off} or a bare name. */
    public static CpuModelInfo read(String text) {
        String arg = PREFIX.matcher(text.strip()).replaceFirst("").strip();
        if (arg.isEmpty()) {
            throw new FormException("a -cpu argument needs a model name, e.g. -cpu z14-base,vx=off");
        }
        String[] parts = arg.split(",", -1);
        String name = parts[0].strip();
        if (!NAME.matcher(name).matches()) {
            throw new FormException("not a CPU model name: '" + abbreviate(name) + "' (expected a name such as z14 or"
                    + " z14-base, a -cpu argument, JSON or libvirt XML)");
        }
        Map<String, Boolean> props = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].strip();
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new FormException("-cpu property '" + abbreviate(part) + "' has no value (write "
                        + abbreviate(part) + "=on or =off)");
            }
            String prop = part.substring(0, eq).strip();
            if (!PROPERTY.matcher(prop).matches()) {
                throw new FormException("not a CPU property name: '" + abbreviate(prop) + "'");
            }
            props.remove(prop);
            props.put(prop, bool(prop, part.substring(eq + 1).strip()));
        }
        return new CpuModelInfo(name, props);
    }

    private static boolean bool(String prop, String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes", "y" -> {
                return true;
            }
            case "off", "false", "no", "n" -> {
                return false;
            }
            default -> throw new FormException("-cpu property " + prop + "=" + abbreviate(value)
                    + ": expected on or off (or true, false, yes, no)");
        }
    }

    /** {@code -cpu NAME,prop=on,prop=off} as QEMU's command line takes it. */
    public static String write(CpuModelInfo info) {
        return "-cpu " + info.toCpuArgument();
    }

    static String abbreviate(String s) {
        String oneLine = s.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 37) + "...";
    }
}
