/**
 * Change subscriptions: document, field, field-delta, collection and stream listeners, delivered
 * after commit, outside every lock, in commit order.
 */
@NullMarked
package io.glen.engine.events;

import org.jspecify.annotations.NullMarked;
