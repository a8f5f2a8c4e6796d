/** The hidden field that carries a post or message form's one-time key. */
export const SUBMISSION_FIELD = "submission";

/**
 * The same text sent to the same place by the same member within this many minutes, with nothing
 * written there since, counts as the same submission even under a new key: without JavaScript the back
 * button loads the form anew (the page may not be cached), with a new key but often the text kept.
 */
export const SAME_TEXT_MINUTES = 10;

/** A key is remembered this long. */
export const KEEP_HOURS = 24;
