/** How long the confirmation link mailed to a new sign-in address works. */
export const EMAIL_CHANGE_HOURS = 24;
