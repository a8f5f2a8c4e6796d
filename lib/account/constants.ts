/** How long the confirmation link mailed to a new sign-in address works. */
export const EMAIL_CHANGE_HOURS = 24;

/**
 * Links mailed before to the same waiting address that keep working beside the newest: a second
 * "send again" (a double click, a slow mail) must not break the link in the mail that arrives first.
 */
export const EARLIER_LINKS_KEPT = 4;
