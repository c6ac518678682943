/** Command-line tools for operating a Glen data directory. */
@NullMarked
package io.glen.engine.tools;

import org.jspecify.annotations.NullMarked;
