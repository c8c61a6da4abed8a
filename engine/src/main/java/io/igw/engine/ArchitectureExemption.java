package io.igw.engine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Lets a class break one of the architecture rules (LayeringTest), saying why. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ArchitectureExemption {
    /** Why the rule does not hold here. */
    String value();
}
