package org.incrowd.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The test application encodes each post's sentence vector in the background, as a real node does (ADR 56). Other
 * tests go without it (application-test.properties), so that the suite does not encode every post it writes. Every
 * class that carries this annotation and the same test kind shares one application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@TestPropertySource(properties = "incrowd.meaning.encode-posts=true")
public @interface EncodesPosts {
}
