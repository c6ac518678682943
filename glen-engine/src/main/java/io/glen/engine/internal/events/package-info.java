/**
 * Engine internals (events): not part of Glen's API; the module does not export this package.
 */
@NullMarked
package io.glen.engine.internal.events;

import org.jspecify.annotations.NullMarked;
