package io.igw.storage;

import java.util.Locale;
import java.util.Optional;

/** The canonical behaviours every format maps onto; the codes are what the EVENTS table stores. */
public enum Behaviour {
    VIEW(1), FAV(2), CART(3), BUY(4), RATE(5);

    private final byte code;

    Behaviour(int code) {
        this.code = (byte) code;
    }

    public byte code() {
        return code;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Behaviour ofCode(int code) {
        for (Behaviour b : values()) {
            if (b.code == code) {
                return b;
            }
        }
        throw new IllegalArgumentException("no behaviour with code " + code);
    }

    public static Optional<Behaviour> ofLabel(String label) {
        for (Behaviour b : values()) {
            if (b.label().equals(label)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }
}
