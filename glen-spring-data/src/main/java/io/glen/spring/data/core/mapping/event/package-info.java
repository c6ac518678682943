/**
 * Glen Spring Data: mapping events (ApplicationEvents) and entity callbacks around saving,
 * loading and deleting entities, and the auditing callback.
 */
@NullMarked
package io.glen.spring.data.core.mapping.event;

import org.jspecify.annotations.NullMarked;
