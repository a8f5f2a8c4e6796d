/** Queues a mail job per coordinator and admin for a new piece of feedback. */
export const QUEUE_MAILS_JOB = "feedback.queueMails";
/** Mails one piece of feedback to one coordinator or admin. */
export const MAIL_JOB = "feedback.mail";
