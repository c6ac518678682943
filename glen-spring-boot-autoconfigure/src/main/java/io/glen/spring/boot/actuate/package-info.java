/**
 * Glen's Spring Boot integration: the glen actuator endpoint, health indicator and Micrometer meters.
 */
@NullMarked
package io.glen.spring.boot.actuate;

import org.jspecify.annotations.NullMarked;
