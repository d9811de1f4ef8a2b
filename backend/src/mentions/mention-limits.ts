// Plain constants, free of validator and Swagger imports, so worker threads can use them.
/** The longest mention text stored. */
export const MAX_MENTION_TEXT = 20_000;
