/**
 * Glen Spring Data: the GlenRepository interface.
 */
@NullMarked
package io.glen.spring.data.repository;

import org.jspecify.annotations.NullMarked;
