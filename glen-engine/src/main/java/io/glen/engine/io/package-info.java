/**
 * The file layer Glen's durability code goes through: every read, write, force, rename and
 * directory sync. The default is {@link io.glen.engine.io.NioStorageFiles}; tests substitute a layer
 * that injects faults and simulates power loss.
 */
@NullMarked
package io.glen.engine.io;

import org.jspecify.annotations.NullMarked;
