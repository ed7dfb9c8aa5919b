package dev.gcm.test.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** A differential test run once per real QEMU release ({@link QemuOracle#RELEASES}); the release is its argument. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "QEMU {0}")
@FieldSource("dev.gcm.test.support.QemuOracle#RELEASES")
public @interface EveryQemuRelease {
}
