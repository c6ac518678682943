/**
 * Auto-configuration of Glen's Spring Data support: mapping, the entity template and repositories.
 */
@NullMarked
package io.glen.spring.boot.autoconfigure.data;

import org.jspecify.annotations.NullMarked;
