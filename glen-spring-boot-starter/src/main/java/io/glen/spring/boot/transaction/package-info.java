/**
 * Spring transaction management for Glen: {@link io.glen.spring.boot.transaction.GlenTransactionManager} runs
 * {@code @Transactional} methods in one Glen {@link io.glen.engine.Txn}, and
 * {@link io.glen.spring.boot.transaction.GlenTransactionSupport} gives data access code the transaction bound to
 * the current thread.
 */
@NullMarked
package io.glen.spring.boot.transaction;

import org.jspecify.annotations.NullMarked;
