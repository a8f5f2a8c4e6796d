// What the contact import, captions and logo forms show after their server action refused a submission
// that carried a file: the page as the server renders it again (without JavaScript that page is all
// there is). A file field cannot be filled in again, so the form must say the file is to be chosen anew.

import { IntlMessageFormat } from "intl-messageformat";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { ImportForm } from "@/lib/campaigns/components/import-form";
import { uploadContactsAction } from "@/lib/campaigns/import-actions";
import { type FormState, IDLE } from "@/lib/forms/state";
import { MESSAGES } from "@/lib/i18n/messages";
import { LogoForm } from "@/lib/settings/components/logo-form";
import { saveCaptionsAction } from "@/lib/videos/actions";
import { CaptionsForm } from "@/lib/videos/components/captions-form";
import { createSession, createUser } from "../support/factories";
import { form } from "../support/forms";
import { signInWith } from "../support/next-headers";
import { renderWithState as render } from "../support/render-with-state";

vi.mock("@/lib/auth/config", () => ({ signOut: () => {} }));

// The state an action returned, as React hands it to the form that sent it.
vi.mock("react", (original) => import("../support/action-state").then((m) => m.reactWithState(original)));

/** The text of the message beside the field with this id, or null. */
const besideField = (html: string, id: string) =>
  html
    .match(new RegExp(`<p id="${id}-error"[^>]*>(.*?)</p>`))?.[1]
    ?.replace(/<[^>]+>/g, "")
    .replace(/^⚠ /, "") ?? null;

const chooseOneFileAgain = new IntlMessageFormat(MESSAGES.de.errors.chooseFilesAgain, "de").format({
  count: 1,
});

const csv = (text: string, name = "kontakte.csv") => new File([text], name, { type: "text/csv" });

let coordinatorSession: string;
beforeAll(async () => {
  coordinatorSession = await createSession((await createUser({ role: "coordinator" })).id);
});

describe("the contact import form after the server refused another field", () => {
  it("asks for the file again beside its field", async () => {
    signInWith(coordinatorSession);
    const state = await uploadContactsAction(
      IDLE,
      form({ file: csv("email\nanna@example.org"), legalBasis: "consent", legalNote: "" }),
    );
    const html = render(ImportForm, {}, state);
    expect(besideField(html, "import-file")).toBe(chooseOneFileAgain);
    expect(html).toMatch(
      /<input[^>]*aria-describedby="import-file-error[^"]*"[^>]*aria-invalid="true"[^>]*name="file"/,
    );
  });
});

describe("the captions form after the video was deleted meanwhile", () => {
  it("asks for the file again beside its field", async () => {
    signInWith(coordinatorSession);
    const state = await saveCaptionsAction(
      IDLE,
      form({
        videoId: crypto.randomUUID(),
        locale: "ar",
        vtt: new File(["WEBVTT\n\n00:00.000 --> 00:02.000\nHallo\n"], "ar.vtt", { type: "text/vtt" }),
      }),
    );
    expect(state).toMatchObject({ status: "error", formError: "videoGone" });
    expect(besideField(render(CaptionsForm, { videoId: "v1" }, state), "captions-file")).toBe(
      chooseOneFileAgain,
    );
  });
});

describe("the logo form after a failure that is not the file's", () => {
  it("asks for the file again beside its field", () => {
    const state: FormState = {
      status: "error",
      fieldErrors: {},
      formError: "generic",
      values: { intent: "upload" },
      filesToChooseAgain: 1,
    };
    expect(besideField(render(LogoForm, { logo: null }, state), "logo")).toBe(chooseOneFileAgain);
  });
});
