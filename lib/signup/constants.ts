/** The sign-up form's choice of proposing a new organisation: shared by the form (in the browser) and the server. */
export const NEW_ORGANISATION = "new";
