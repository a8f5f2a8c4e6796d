import { SUBMISSION_FIELD } from "../constants";

/**
 * A post or message form's one-time key: `fresh`, drawn for each rendering of the page, unless the form
 * came back (an error, a preview) with `kept`, so sending it again is still the same submission.
 */
export function SubmissionKey({ fresh, kept }: { fresh: string; kept?: string }) {
  return <input type="hidden" name={SUBMISSION_FIELD} value={kept || fresh} />;
}
