package io.igw.engine.recommenders;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model's settings: a record whose components are its hyper-parameters. Printed as {@code key=value,...} (what
 * the registry, the evaluations and the command line show) and parsed back from it here, in one place, so a stored
 * model is re-created with exactly the settings it was trained with.
 */
public interface ModelSettings {
    /** The key a component is printed under when it is not the component's own name (kept from earlier releases). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    @interface Key {
        String value();
    }

    /** {@code key=value,...} in the record's component order; doubles as {@link String#valueOf(double)} writes them. */
    default String describe() {
        StringBuilder out = new StringBuilder();
        for (RecordComponent c : getClass().getRecordComponents()) {
            try {
                out.append(out.length() == 0 ? "" : ",").append(key(c)).append('=').append(c.getAccessor().invoke(this));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("settings " + getClass().getSimpleName() + " cannot be read", e);
            }
        }
        return out.toString();
    }

    /** The settings {@code text} (as {@link #describe} wrote it) describes; every component must be there. */
    static <S extends ModelSettings> S parse(Class<S> type, String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : text.isBlank() ? new String[0] : text.split(",")) {
            int eq = pair.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("settings '" + text + "' are not key=value pairs");
            }
            values.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            String value = values.remove(key(c));
            if (value == null) {
                throw new IllegalArgumentException("settings '" + text + "' lack " + key(c));
            }
            args[i] = value(c.getType(), value, text);
        }
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("settings '" + text + "' have unknown keys " + values.keySet());
        }
        try {
            Constructor<S> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("settings " + type.getSimpleName() + " cannot be made", e);
        }
    }

    private static String key(RecordComponent c) {
        Key key = c.getAnnotation(Key.class);
        return key == null ? c.getName() : key.value();
    }

    private static Object value(Class<?> type, String value, String text) {
        try {
            if (type == int.class) {
                return Integer.parseInt(value);
            } else if (type == long.class) {
                return Long.parseLong(value);
            } else if (type == double.class) {
                return Double.parseDouble(value);
            } else if (type == float.class) {
                return Float.parseFloat(value);
            } else if (type == boolean.class) {
                return Boolean.parseBoolean(value);
            } else if (type == String.class) {
                return value;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("settings '" + text + "': '" + value + "' is not a number");
        }
        throw new IllegalStateException("settings of type " + type + " are not supported");
    }
}
