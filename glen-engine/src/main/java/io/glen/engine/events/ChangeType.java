package io.glen.engine.events;

/** What happened to a document. */
public enum ChangeType {
    /** The document did not exist and was stored. */
    INSERT,
    /** The document existed and was replaced. */
    UPDATE,
    /** The document was deleted. */
    DELETE
}
