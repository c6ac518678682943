/**
 * Engine internals (index): not part of Glen's API; the module does not export this package.
 */
@NullMarked
package io.glen.engine.internal.index;

import org.jspecify.annotations.NullMarked;
