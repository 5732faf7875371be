package org.incrowd.insight.participation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Handled at the end of the publisher's transaction: still inside it, so the figures commit or roll back with the
 * change, but after the rest of its work. Updating the figures locks the person's share of them (on H2 the whole
 * Jam's); taken last, that lock is held for the commit only, not for the length of the writer's transaction (ADR 52).
 * Outside a transaction the event is handled at once.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
@interface AtTheEndOfTheTransaction {}
