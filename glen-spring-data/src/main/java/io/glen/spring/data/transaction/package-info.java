/**
 * Spring transaction management for Glen: {@link io.glen.spring.data.transaction.GlenTransactionManager} runs
 * {@code @Transactional} methods in one Glen {@link io.glen.engine.Txn}, and
 * {@link io.glen.spring.data.transaction.GlenTransactionSupport} gives data access code the transaction bound to
 * the current thread.
 */
@NullMarked
package io.glen.spring.data.transaction;

import org.jspecify.annotations.NullMarked;
