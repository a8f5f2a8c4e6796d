import { Fragment } from "react";
import type { DevMail as StoredMail } from "@/db/schema";
import { LinkifiedText } from "./linkified-text";

/** The headers shown, in this order, when a mail has them. */
const SHOWN_HEADERS = ["From", "Reply-To", "List-Unsubscribe", "List-Unsubscribe-Post"] as const;

export type DevMailLabels = { to: string; headers: string; showHtml: string; htmlFrame: string };

/**
 * One mail of the demo outbox: its key headers, the plain-text part, and the HTML part on request in
 * a fully sandboxed frame (no scripts, forms or top navigation; the page's policy allows no other
 * host), as the mail client would show it.
 */
export function DevMail({ mail, when, labels }: { mail: StoredMail; when: string; labels: DevMailLabels }) {
  const headers = SHOWN_HEADERS.filter((name) => mail.headers[name]);
  return (
    <>
      <h2 id={`mail-${mail.id}`} className="text-lg font-bold" dir="auto">
        {mail.subject}
      </h2>
      <p className="mb-3 text-sm text-muted">
        {labels.to}: <span className="break-all">{mail.to}</span> · {when}
      </p>
      {headers.length > 0 ? (
        <>
          <h3 className="sr-only">{labels.headers}</h3>
          <dl className="mb-3 grid gap-x-3 text-sm sm:grid-cols-[max-content_1fr]">
            {headers.map((name) => (
              <Fragment key={name}>
                <dt className="font-semibold">{name}</dt>
                <dd className="mb-1 break-all" dir="ltr">
                  {mail.headers[name]}
                </dd>
              </Fragment>
            ))}
          </dl>
        </>
      ) : null}
      <LinkifiedText text={mail.text} />
      {mail.html ? (
        <details className="mt-3">
          <summary className="min-h-11 cursor-pointer py-2 font-semibold">{labels.showHtml}</summary>
          <iframe
            sandbox=""
            srcDoc={mail.html}
            title={labels.htmlFrame}
            loading="lazy"
            className="h-[36rem] w-full rounded border border-gray-400 bg-white"
          />
        </details>
      ) : null}
    </>
  );
}
