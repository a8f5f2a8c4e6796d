import type { Page } from "@playwright/test";
import ICAL from "ical.js";
import { emailFor } from "../../db/seed";
import { MEMBERS } from "../../db/seed-data/network";
import { XSS_PAYLOADS } from "../fixtures/xss-payloads";
import { expectNoA11yViolations } from "./support/a11y";
import {
  COORDINATOR_STATE,
  dayFromNow,
  expect,
  signInAs,
  test,
  tr,
  uniqueSuffix,
  waitForHydration,
} from "./support/fixtures";
import { createGroupCategory } from "./support/forum-groups";
import { waitForMail } from "./support/mailbox";
import { CACHE_RENEWAL } from "./support/page-cache";
import { expectInertFor, recordDialogs } from "./support/xss";

const t = tr("de");

// Two German-speaking seeded members no other spec signs in with.
const [THIRD, FIRST, SECOND] = MEMBERS.filter((m) => !m.locale || m.locale === "de")
  .slice(-3)
  .map((m) => ({ name: m.name, email: emailFor(m.name) }));

test("a coordinator creates a weekly series with one seat; the waiting list moves up by e-mail; the .ics and CSV are right", async ({
  coordinator,
  newPage,
}) => {
  const title = `Online-Sprechstunde Test ${uniqueSuffix()}`;
  const firstDate = dayFromNow(21);

  await test.step("the form explains mistakes beside the fields and keeps what was typed", async () => {
    await coordinator.goto("/events");
    await expectNoA11yViolations(coordinator);
    await coordinator.getByRole("link", { name: t("events.newEvent") }).click();
    await expect(coordinator.getByRole("heading", { level: 1, name: t("events.newTitle") })).toBeVisible();
    await coordinator.getByLabel(t("events.form.description")).fill("Fragen zu **Arbeit** und Aufenthalt.");
    await coordinator.getByLabel(t("events.form.startTime")).fill("10:00");
    await coordinator.getByLabel(t("events.form.endTime")).fill("09:00");
    await coordinator.getByRole("button", { name: t("events.form.create") }).click();
    const titleField = coordinator.getByLabel(t("events.form.title"));
    await expect(titleField).toHaveAttribute("aria-invalid", "true");
    await expect(titleField).toHaveAccessibleDescription(new RegExp(t("errors.required").slice(0, 20)));
    await expect(coordinator.getByLabel(t("events.form.endTime"))).toHaveAccessibleDescription(
      new RegExp(t("events.errors.endBeforeStart").slice(0, 20)),
    );
    await expect(coordinator.getByLabel(t("events.form.description"))).toHaveValue(
      "Fragen zu **Arbeit** und Aufenthalt.",
    );
    await expectNoA11yViolations(coordinator);
  });

  await test.step("the series is created with one seat", async () => {
    await coordinator.getByLabel(t("events.form.title")).fill(title);
    await coordinator.getByLabel(t("events.form.date")).fill(firstDate);
    await coordinator.getByLabel(t("events.form.startTime")).fill("10:00");
    await coordinator.getByLabel(t("events.form.endTime")).fill("11:30");
    await coordinator
      .getByLabel(t("events.form.frequency"), { exact: true })
      .selectOption({ label: t("events.form.frequencies.weekly") });
    await coordinator.getByLabel(t("events.form.untilDate")).fill(dayFromNow(21 + 7 * 5));
    await coordinator.getByLabel(t("events.form.format")).selectOption({ label: t("events.formats.online") });
    await coordinator
      .getByLabel(t("events.form.onlineUrl"))
      .fill("https://meet.example.org/e2e-sprechstunde");
    await coordinator.getByLabel(t("events.form.capacity")).fill("1");
    await coordinator.getByRole("button", { name: t("events.form.create") }).click();
    await expect(coordinator.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(coordinator.getByText(t("events.saved.created"))).toBeVisible();
    await expect(coordinator.getByRole("heading", { name: t("events.datesTitle") })).toBeVisible();
    await expectNoA11yViolations(coordinator);
  });
  const eventUrl = new URL(coordinator.url());
  const eventId = eventUrl.pathname.split("/").at(-1)!;

  await test.step("one date of the series is cancelled on the edit page", async () => {
    await coordinator.getByRole("link", { name: t("events.edit") }).click();
    await expect(coordinator.getByRole("heading", { name: t("events.dates.title") })).toBeVisible();
    await coordinator
      .getByRole("button", { name: new RegExp(`^${t("events.dates.cancel")}`) })
      .nth(1)
      .click();
    await expect(coordinator.getByText(t("events.saved.dateCancelled"))).toBeVisible();
    await expect(coordinator.getByText(t("events.dates.cancelled"), { exact: true })).toHaveCount(1);
    await expectNoA11yViolations(coordinator);
  });

  await test.step("the .ics file holds the series with its cancelled date", async () => {
    const response = await coordinator.request.get(`/events/${eventId}.ics`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/calendar");
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    const vevent = calendar.getFirstSubcomponent("vevent")!;
    expect(vevent.getFirstPropertyValue("summary")).toBe(title);
    expect(vevent.getFirstPropertyValue("rrule")?.toString()).toMatch(/^FREQ=WEEKLY;COUNT=6/);
    expect(vevent.getAllProperties("exdate")).toHaveLength(1);
    expect(String(vevent.getFirstPropertyValue("dtstart"))).toBe(`${firstDate}T10:00:00`);
  });

  const first = await newPage();
  const second = await newPage();
  await test.step("the first member takes the only seat and sees the online link", async () => {
    await signInAs(first, FIRST!.email);
    await first.goto(`/events/${eventId}`);
    await expect(first.getByText(t("events.onlineLinkHidden"))).toBeVisible();
    await first.getByRole("button", { name: t("events.answer.yes"), exact: true }).click();
    await expect(first.getByText(t("events.you.yes"))).toBeVisible();
    // Her profile shows no contact e-mail: the organisers see her name and answer, and she is told so.
    await expect(first.getByText(t("events.organisersSee"))).toBeVisible();
    await expect(
      first.getByRole("link", { name: "https://meet.example.org/e2e-sprechstunde" }),
    ).toBeVisible();
    await expectNoA11yViolations(first);
  });

  await test.step("the second member joins the waiting list", async () => {
    await signInAs(second, SECOND!.email);
    await second.goto("/events");
    await second.getByRole("link", { name: title }).first().click();
    await expect(second.getByText(t("events.capacityInfo", { going: 1, capacity: 1 }))).toBeVisible();
    // A click while React takes the page over can go nowhere on a loaded machine: wait for it.
    const join = second.getByRole("button", { name: t("events.joinWaitingList") });
    await waitForHydration(join);
    await join.click();
    await expect(second.getByText(t("events.youWaiting", { position: 1 }))).toBeVisible();
  });

  await test.step("the first cancels; the second moves up and is told by e-mail", async () => {
    const since = Date.now();
    await first.getByRole("button", { name: t("events.answer.cancel"), exact: true }).click();
    await expect(first.getByText(t("events.you.no"))).toBeVisible();
    const mail = await waitForMail(SECOND!.email, {
      subject: t("events.mail.promoted.subject", { title }),
      since,
    });
    expect(mail.text).toContain(`/events/${eventId}?date=${firstDate}`);
    await second.reload();
    await expect(second.getByText(t("events.you.yes"))).toBeVisible();
  });

  await test.step("the coordinator sees the attendee list and exports it", async () => {
    await coordinator.goto(`/events/${eventId}`);
    await coordinator.getByRole("link", { name: t("events.attendees") }).click();
    const going = coordinator.getByRole("region", { name: t("events.attendeeGroups.going", { count: 1 }) });
    await expect(going.getByRole("cell", { name: SECOND!.name })).toBeVisible();
    const declined = coordinator.getByRole("region", { name: t("events.attendeeGroups.no", { count: 1 }) });
    await expect(declined.getByRole("cell", { name: FIRST!.name })).toBeVisible();
    // Neither shows a contact e-mail to members, and their sign-in addresses are nobody's business.
    await expect(going.getByRole("cell", { name: t("events.contactNotShared") })).toBeVisible();
    await expect(coordinator.getByRole("main")).not.toContainText(SECOND!.email);
    await expect(coordinator.getByRole("main")).not.toContainText(FIRST!.email);
    await expectNoA11yViolations(coordinator);
    const csv = await coordinator.request.get(`/events/${eventId}/attendees.csv?date=${firstDate}`);
    expect(csv.status()).toBe(200);
    const body = await csv.text();
    expect(body).toContain(`"${SECOND!.name}";"";"${t("events.responses.yes")}"`);
    expect(body).not.toContain(SECOND!.email);
    expect(body).not.toContain(FIRST!.email);
  });

  await test.step("a member may not see the attendee list", async () => {
    const response = await second.goto(`/events/${eventId}/attendees`);
    expect(response?.status()).toBe(404);
    expect((await second.request.get(`/events/${eventId}/attendees.csv`)).status()).toBe(404);
  });
});

test("the organiser moves a date and changes the place, then cancels the event: the attendee is told each time", async ({
  coordinator,
  newPage,
}) => {
  const title = `Sprachcafé Test ${uniqueSuffix()}`;
  const firstDate = dayFromNow(28);
  const movedDate = dayFromNow(29);

  const { eventId, attendee } =
    await test.step("a weekly series in person, with one attendee on its first date", () =>
      seriesWithAttendee({
        coordinator,
        newPage,
        title,
        firstDate,
        until: dayFromNow(28 + 7 * 2),
        attendeeEmail: THIRD!.email,
      }));
  // His profile shows members a contact e-mail: the panel says the organisers see it too.
  await expect(attendee.getByRole("region", { name: t("events.rsvpTitle") })).toContainText(
    /Kontakt-E-Mail aus Ihrem Profil \(.*lukas\.wagner@example\.org.*\)/,
  );

  // One date changed: the subject names it by the day its attendee knew it on.
  const changed = t("notifications.kinds.event_change", { title, on: new Date(`${firstDate}T12:00:00Z`) });
  await test.step("the first date moves a day later and an hour earlier: the attendee sees it in the notifications", async () => {
    const since = Date.now();
    await coordinator.goto(`/events/${eventId}/edit`);
    const first = coordinator
      .getByRole("listitem")
      .filter({ has: coordinator.getByText(t("events.dates.moveSummary")) })
      .first();
    await first.getByText(t("events.dates.moveSummary")).click();
    await first.getByLabel(t("events.dates.date")).fill(movedDate);
    await first.getByLabel(t("events.dates.startTime")).fill("15:00");
    await first.getByLabel(t("events.dates.endTime")).fill("16:30");
    await first.getByRole("button", { name: t("events.dates.move") }).click();
    await expect(coordinator.getByText(t("events.saved.moved"))).toBeVisible();
    await expect(coordinator.getByText(t("events.dates.moved"))).toHaveCount(1);
    await expectNoA11yViolations(coordinator);

    // Mailed after the burst delay (unless read first): it greets them and names the new time beside the old one.
    const mail = await waitForMail(THIRD!.email, { subject: changed, since });
    expect(mail.text).toContain(t("mail.greeting", { name: THIRD!.name }));
    expect(mail.text).toMatch(
      /15:00–16:30, Stadtbibliothek, Altmarkt 1, 06712 Zeitz \(bisher .*16:00–17:30\)/,
    );

    await attendee.goto("/notifications");
    await attendee.getByRole("link", { name: changed }).click();
    await expect(attendee.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(attendee.locator("main")).toContainText("15:00");
    await expect(attendee.getByText(t("events.you.yes"))).toBeVisible();
  });

  await test.step("the date is called off by mistake and set again: the attendee is told, and their yes stands", async () => {
    const since = Date.now();
    const dates = coordinator.getByRole("region", { name: t("events.dates.title") });
    await coordinator.goto(`/events/${eventId}/edit`);
    await dates
      .getByRole("button", { name: new RegExp(`^${t("events.dates.cancel")}`) })
      .first()
      .click();
    // One person answered for it: a second step says who will be mailed, and nothing happens before.
    const confirm = coordinator.getByRole("region", { name: /15:00/ });
    await expect(confirm).toContainText(t("events.dates.confirmExplanation", { count: 1 }));
    await expectNoA11yViolations(coordinator);
    await expect(dates.getByText(t("events.dates.cancelled"), { exact: true })).toHaveCount(0);
    await confirm.getByRole("button", { name: t("events.dates.confirm") }).click();
    await expect(coordinator.getByText(t("events.saved.dateCancelled"))).toBeVisible();
    await expect(dates.getByText(t("events.dates.cancelled"), { exact: true })).toHaveCount(1);
    await waitForMail(THIRD!.email, { subject: t("events.mail.cancelled.subject", { title }), since });
    await attendee.goto(`/events/${eventId}?date=${firstDate}`);
    await expect(attendee.getByText(t("events.dateCancelledNote"), { exact: true })).toBeVisible();

    await dates.getByRole("button", { name: new RegExp(`^${t("events.dates.restore")}`) }).click();
    await expect(coordinator.getByText(t("events.saved.dateRestored"))).toBeVisible();
    await expect(dates.getByText(t("events.dates.cancelled"), { exact: true })).toHaveCount(0);
    await expectNoA11yViolations(coordinator);
    await attendee.reload();
    await expect(attendee.getByText(t("events.dateCancelledNote"), { exact: true })).toHaveCount(0);
    await expect(attendee.getByText(t("events.you.yes"))).toBeVisible();
  });

  await test.step("the place changes on the edit page; the attendee reads the new address", async () => {
    await coordinator.goto(`/events/${eventId}/edit`);
    await coordinator.getByLabel(t("events.form.address")).fill("Schützenplatz 3, 06712 Zeitz");
    await coordinator.getByRole("button", { name: t("events.form.save") }).click();
    await expect(coordinator.getByText(t("events.saved.updated"))).toBeVisible();
    await attendee.reload();
    await expect(attendee.getByText("Schützenplatz 3, 06712 Zeitz")).toBeVisible();
  });

  await test.step("fewer seats than people registered: both keep theirs, the form says so beside the field, the page reads fully booked", async () => {
    const second = await newPage();
    await signInAs(second, FIRST!.email);
    await second.goto(`/events/${eventId}?date=${firstDate}`);
    await second.getByRole("button", { name: t("events.answer.yes"), exact: true }).click();
    await expect(second.getByText(t("events.you.yes"))).toBeVisible();

    await coordinator.goto(`/events/${eventId}/edit`);
    await coordinator.getByLabel(t("events.form.capacity")).fill("1");
    await coordinator.getByRole("button", { name: t("events.form.save") }).click();
    await expect(coordinator.getByText(t("events.saved.updated"))).toBeVisible();
    // The note is part of the field's description (aria-describedby), right under its label.
    await expect(coordinator.locator("#event-capacity-hint")).toContainText(
      t("events.form.capacityKept", { count: 2, capacity: 1 }),
    );
    await expect(coordinator.getByLabel(t("events.form.capacity"))).toHaveAttribute(
      "aria-describedby",
      /event-capacity-hint/,
    );
    await expectNoA11yViolations(coordinator);

    await attendee.goto(`/events/${eventId}?date=${firstDate}`);
    await expect(attendee.getByText(t("events.capacityOverbooked", { going: 2 }))).toBeVisible();
    await expect(attendee.getByText(t("events.capacityInfo", { going: 2, capacity: 1 }))).toHaveCount(0);
    await expect(attendee.getByText(t("events.you.yes"))).toBeVisible();
  });

  await test.step("cancelling the whole event asks first; going back changes nothing", async () => {
    await coordinator.goto(`/events/${eventId}/edit`);
    await coordinator.getByRole("link", { name: t("events.cancelEvent.submit") }).click();
    const confirm = coordinator.getByRole("region", {
      name: t("events.cancelEvent.confirmHeading", { title }),
    });
    await expect(confirm).toBeVisible();
    await expect(confirm).toContainText(t("events.cancelEvent.confirmExplanation"));
    await expectNoA11yViolations(coordinator);
    await confirm.getByRole("link", { name: t("events.cancelEvent.keep") }).click();
    await expect(
      coordinator.getByRole("region", { name: t("events.cancelEvent.confirmHeading", { title }) }),
    ).toHaveCount(0);
    await attendee.goto(`/events/${eventId}?date=${firstDate}`);
    await expect(attendee.getByText(t("events.eventCancelled"))).toHaveCount(0);
    await expect(attendee.getByText(t("events.you.yes"))).toBeVisible();
  });

  await test.step("the whole event is cancelled once confirmed: the attendee gets a mail naming every date, the page says so", async () => {
    const since = Date.now();
    await coordinator.getByRole("link", { name: t("events.cancelEvent.submit") }).click();
    await coordinator.getByRole("button", { name: t("events.cancelEvent.confirm") }).click();
    await expect(coordinator.getByText(t("events.saved.cancelled"))).toBeVisible();
    const mail = await waitForMail(THIRD!.email, {
      subject: t("events.mail.cancelled.subject", { title }),
      since,
    });
    expect(mail.text).toContain(`/events/${eventId}`);
    expect(mail.text).toContain(t("events.mail.cancelled.bodyEvent", { title }));
    await attendee.goto(`/events/${eventId}?date=${firstDate}`);
    await expect(attendee.getByText(t("events.eventCancelled"))).toBeVisible();
    // The answer panel says so too, in the past tense, with no reminder promised and nothing to answer.
    const panel = attendee.getByRole("region", { name: t("events.rsvpTitle") });
    await expect(panel).toContainText(t("events.rsvpCancelled.event"));
    await expect(panel).toContainText(`${t("events.youWere.yes")} ${t("events.rsvpVoid")}`);
    await expect(attendee.getByText(t("events.you.yes"))).toHaveCount(0);
    await expect(panel.getByRole("button")).toHaveCount(0);
    await expectNoA11yViolations(attendee);
  });

  await test.step("the cancelled event's edit page is read-only", async () => {
    await coordinator.goto(`/events/${eventId}/edit`);
    await expect(coordinator.getByText(t("events.cancelledReadOnly"))).toBeVisible();
    const main = coordinator.getByRole("main");
    await expect(main.getByRole("button")).toHaveCount(0);
    await expect(main.getByRole("textbox")).toHaveCount(0);
    await expectNoA11yViolations(coordinator);
  });

  await test.step("the attendee deletes their calendar address: it stops working", async () => {
    await attendee.goto("/events/calendar");
    await attendee.getByRole("button", { name: t("events.calendar.create") }).click();
    await expect(attendee.getByText(t("events.calendar.saved.renewed"))).toBeVisible();
    const url = await attendee.getByLabel(t("events.calendar.personalUrl")).inputValue();
    expect((await attendee.request.get(new URL(url).pathname)).status()).toBe(200);
    await attendee.getByRole("button", { name: t("events.calendar.revoke") }).click();
    await expect(attendee.getByText(t("events.calendar.saved.revoked"))).toBeVisible();
    await expect(attendee.getByText(t("events.calendar.noFeed"))).toBeVisible();
    expect((await attendee.request.get(new URL(url).pathname)).status()).toBe(404);
  });
});

test("the organiser gives one date of a series another address: its attendee is mailed and reads the new place, the other dates keep theirs", async ({
  coordinator,
  newPage,
}) => {
  const title = `Elterncafé Test ${uniqueSuffix()}`;
  // Tomorrow: a change this close is mailed at once.
  const firstDate = dayFromNow(1);
  const secondDate = dayFromNow(8);
  const series = "Stadtbibliothek, Altmarkt 1, 06712 Zeitz";

  const { eventId, attendee } =
    await test.step("a weekly series in person, with one attendee on its first date", () =>
      seriesWithAttendee({
        coordinator,
        newPage,
        title,
        firstDate,
        until: dayFromNow(15),
        attendeeEmail: SECOND!.email,
      }));

  const firstItem = () =>
    coordinator
      .getByRole("region", { name: t("events.dates.title") })
      .getByRole("listitem")
      .first();
  await test.step("a place without venue or address is explained beside the field, also without scripts", async () => {
    const plain = await newPage({ storageState: COORDINATOR_STATE, javaScriptEnabled: false });
    for (const page of [plain, coordinator]) {
      await page.goto(`/events/${eventId}/edit`);
      const item = page
        .getByRole("region", { name: t("events.dates.title") })
        .getByRole("listitem")
        .first();
      await item.getByText(t("events.dates.placeSummary")).click();
      await item.getByLabel(t("events.dates.venue")).fill("");
      await item.getByLabel(t("events.dates.address")).fill("");
      await item.getByRole("button", { name: t("events.dates.placeSave") }).click();
      const address = item.getByLabel(t("events.dates.address"));
      await expect(address).toHaveAttribute("aria-invalid", "true");
      await expect(address).toHaveAccessibleDescription(
        new RegExp(t("events.errors.datePlaceRequired").slice(0, 20)),
      );
    }
    await expectNoA11yViolations(coordinator);
  });

  await test.step("the first date moves to the Bürgerhaus in Zeitz: the attendee is mailed at once with the old place", async () => {
    const since = Date.now();
    await firstItem().getByLabel(t("events.dates.venue")).fill("Bürgerhaus Zeitz");
    await firstItem().getByLabel(t("events.dates.address")).fill("Schützenplatz 1, 06712 Zeitz");
    // The series names no municipality; this date's place is in Zeitz.
    await firstItem().getByLabel(t("events.form.municipality")).selectOption("Zeitz");
    await firstItem()
      .getByRole("button", { name: t("events.dates.placeSave") })
      .click();
    await expect(coordinator.getByText(t("events.saved.placeChanged"))).toBeVisible();
    await expect(firstItem()).toContainText(
      t("events.dates.ownPlace", { place: "Bürgerhaus Zeitz, Schützenplatz 1, 06712 Zeitz" }),
    );
    await expectNoA11yViolations(coordinator);

    const mail = await waitForMail(SECOND!.email, {
      subject: t("notifications.kinds.event_change", { title, on: new Date(`${firstDate}T12:00:00Z`) }),
      since,
    });
    expect(mail.text).toContain(`Bürgerhaus Zeitz, Schützenplatz 1, 06712 Zeitz (bisher: ${series})`);
    expect(mail.text).toContain(`/events/${eventId}?date=${firstDate}`);
  });

  await test.step("the attendee reads the new place on that date, the series' place on the next", async () => {
    await attendee.goto(`/events/${eventId}?date=${firstDate}`);
    const main = attendee.getByRole("main");
    await expect(main).toContainText("Schützenplatz 1, 06712 Zeitz");
    await expect(attendee.getByText(t("events.ownPlaceNote"))).toBeVisible();
    // The date's own municipality, under its address.
    await expect(main.getByText("Zeitz", { exact: true })).toBeVisible();
    await expect(main).not.toContainText("Altmarkt 1");
    await expect(
      attendee.getByText(
        t("events.ownPlaceBadge", { place: "Bürgerhaus Zeitz, Schützenplatz 1, 06712 Zeitz" }),
      ),
    ).toBeVisible();
    await expectNoA11yViolations(attendee);
    await attendee.goto(`/events/${eventId}?date=${secondDate}`);
    await expect(attendee.getByRole("main")).toContainText("Altmarkt 1, 06712 Zeitz");
    await expect(attendee.getByText(t("events.ownPlaceNote"))).toHaveCount(0);
  });

  await test.step("the events list filtered by Zeitz finds that date, not the series' other dates", async () => {
    await attendee.goto("/events");
    await attendee.getByLabel(t("events.municipality")).selectOption("Zeitz");
    await attendee.getByRole("button", { name: t("events.filter") }).click();
    await expect(attendee).toHaveURL(/municipality=Zeitz/);
    const found = attendee.getByRole("link", { name: title });
    await expect(found).toHaveCount(1);
    await expect(found).toHaveAttribute("href", `/events/${eventId}?date=${firstDate}`);
    await expectNoA11yViolations(attendee);
  });

  await test.step("back to the series' place, a plain form post", async () => {
    const plain = await newPage({ storageState: COORDINATOR_STATE, javaScriptEnabled: false });
    await plain.goto(`/events/${eventId}/edit`);
    await plain
      .getByRole("region", { name: t("events.dates.title") })
      .getByRole("button", { name: new RegExp(`^${t("events.dates.placeClear")}`) })
      .click();
    await expect(plain.getByText(t("events.saved.placeCleared"))).toBeVisible();
    await attendee.goto(`/events/${eventId}?date=${firstDate}`);
    await expect(attendee.getByRole("main")).toContainText("Altmarkt 1, 06712 Zeitz");
  });
});

test("without JavaScript, a date that cannot be moved comes back open with the error, not beside a stale success notice", async ({
  coordinator,
  newPage,
}) => {
  const title = `Elterncafé Test ${uniqueSuffix()}`;
  await coordinator.goto("/events/new");
  await coordinator.getByLabel(t("events.form.title")).fill(title);
  await coordinator.getByLabel(t("events.form.date")).fill(dayFromNow(35));
  await coordinator.getByLabel(t("events.form.startTime")).fill("09:00");
  await coordinator.getByLabel(t("events.form.endTime")).fill("10:30");
  await coordinator
    .getByLabel(t("events.form.frequency"), { exact: true })
    .selectOption({ label: t("events.form.frequencies.weekly") });
  await coordinator.getByLabel(t("events.form.untilDate")).fill(dayFromNow(35 + 7 * 2));
  await coordinator.getByLabel(t("events.form.venue")).fill("Familienzentrum");
  await coordinator.getByRole("button", { name: t("events.form.create") }).click();
  await expect(coordinator.getByText(t("events.saved.created"))).toBeVisible();
  const eventId = new URL(coordinator.url()).pathname.split("/").at(-1)!;

  const plain = await newPage({ storageState: COORDINATOR_STATE, javaScriptEnabled: false });
  await plain.goto(`/events/${eventId}/edit`);
  const dates = plain.getByRole("region", { name: t("events.dates.title") });
  await dates
    .getByRole("button", { name: new RegExp(`^${t("events.dates.cancel")}`) })
    .last()
    .click();
  const notice = plain.getByText(t("events.saved.dateCancelled"));
  await expect(notice).toBeVisible();

  const second = dates.getByRole("listitem").nth(1);
  await second.getByText(t("events.dates.moveSummary")).click();
  await second.getByLabel(t("events.dates.startTime")).fill("14:00");
  await second.getByLabel(t("events.dates.endTime")).fill("13:00");
  await second.getByRole("button", { name: t("events.dates.move") }).click();

  const failed = dates.getByRole("listitem").nth(1);
  const moveForm = (item: typeof failed) =>
    item.locator("details").filter({ hasText: t("events.dates.moveSummary") });
  await expect(moveForm(failed)).toHaveAttribute("open", "");
  await expect(failed.getByRole("alert")).toHaveText(t("events.form.fixErrors", { count: 1 }));
  const end = failed.getByLabel(t("events.dates.endTime"));
  await expect(end).toHaveAttribute("aria-invalid", "true");
  await expect(end).toHaveAccessibleDescription(new RegExp(t("events.errors.endBeforeStart").slice(0, 20)));
  await expect(end).toHaveValue("13:00");
  await expect(failed.getByLabel(t("events.dates.startTime"))).toHaveValue("14:00");
  // The other dates' forms stay folded; the notice of the earlier action is gone.
  await expect(dates.getByRole("listitem").first().locator("details")).toHaveCount(2);
  for (const folded of await dates.getByRole("listitem").first().locator("details").all())
    await expect(folded).not.toHaveAttribute("open", "");
  await expect(notice).toBeHidden();

  // axe needs scripts: the same failure on a page with them.
  await coordinator.goto(`/events/${eventId}/edit`);
  const scripted = coordinator
    .getByRole("region", { name: t("events.dates.title") })
    .getByRole("listitem")
    .nth(1);
  const move = scripted.getByRole("button", { name: t("events.dates.move") });
  await scripted.getByText(t("events.dates.moveSummary")).click();
  await scripted.getByLabel(t("events.dates.endTime")).fill("08:00");
  await move.click();
  await expect(scripted.getByRole("alert")).toHaveText(t("events.form.fixErrors", { count: 1 }));
  await expect(moveForm(scripted)).toHaveAttribute("open", "");
  await expectNoA11yViolations(coordinator);

  await end.fill("15:30");
  await failed.getByRole("button", { name: t("events.dates.move") }).click();
  await expect(plain.getByText(t("events.saved.moved"))).toBeVisible();
  await expect(plain.getByRole("alert")).toHaveCount(0);
});

test("a save from an edit page opened before another coordinator's change is refused with what the event is now, keeps what was typed, and goes through when saved again", async ({
  coordinator,
  newPage,
}) => {
  const title = `Sprachcafé Test ${uniqueSuffix()}`;
  const date = dayFromNow(30);
  await coordinator.goto("/events/new");
  await coordinator.getByLabel(t("events.form.title")).fill(title);
  await coordinator.getByLabel(t("events.form.date")).fill(date);
  await coordinator.getByLabel(t("events.form.startTime")).fill("18:00");
  await coordinator.getByLabel(t("events.form.endTime")).fill("19:30");
  await coordinator.getByLabel(t("events.form.venue")).fill("Stadtbibliothek Zeitz");
  await coordinator.getByRole("button", { name: t("events.form.create") }).click();
  await expect(coordinator.getByText(t("events.saved.created"))).toBeVisible();
  const eventId = new URL(coordinator.url()).pathname.split("/").at(-1)!;

  // The organiser's page is open since before; a second coordinator (a plain form post) moves the event.
  await coordinator.goto(`/events/${eventId}/edit`);
  const save = coordinator.getByRole("button", { name: t("events.form.save") });
  await waitForHydration(save);
  const other = await newPage({ storageState: COORDINATOR_STATE, javaScriptEnabled: false });
  await other.goto(`/events/${eventId}/edit`);
  await other.getByLabel(t("events.form.startTime")).fill("19:00");
  await other.getByLabel(t("events.form.endTime")).fill("20:30");
  await other.getByRole("button", { name: t("events.form.save") }).click();
  await expect(other.getByText(t("events.saved.updated"))).toBeVisible();

  const fixed = `${title} (korrigiert)`;
  const titleField = coordinator.getByLabel(t("events.form.title"));
  await titleField.fill(fixed);
  await save.click();
  const alert = coordinator.locator("form").filter({ has: titleField }).getByRole("alert");
  await expect(alert).toContainText(t("events.form.changedMeanwhile", { title, when: "" }).split("„")[0]!);
  await expect(alert).toContainText(`„${title}“`);
  await expect(alert).toContainText("19:00–20:30");
  await expect(
    coordinator.getByRole("link", { name: t("events.form.changedMeanwhileLink") }),
  ).toHaveAttribute("target", "_blank");
  await expect(titleField).toHaveValue(fixed);
  await expect(coordinator.getByLabel(t("events.form.startTime"))).toHaveValue("18:00");
  await expectNoA11yViolations(coordinator);
  // Nothing was saved: the event still has the other coordinator's time and its old title.
  await other.goto(`/events/${eventId}`);
  await expect(other.getByRole("heading", { level: 1, name: title, exact: true })).toBeVisible();
  await expect(other.getByRole("main")).toContainText("19:00");

  // Taking over the new time, saved again: it goes through.
  await coordinator.getByLabel(t("events.form.startTime")).fill("19:00");
  await coordinator.getByLabel(t("events.form.endTime")).fill("20:30");
  await save.click();
  await expect(coordinator.getByText(t("events.saved.updated"))).toBeVisible();
  await expect(coordinator.getByRole("heading", { level: 1, name: fixed })).toBeVisible();
  await expect(coordinator.getByRole("main")).toContainText("19:00");
});

test("a visitor sees public events and subscribes; members-only events stay hidden", async ({
  page,
  coordinator,
}) => {
  await page.goto("/events");
  await expect(page.getByRole("heading", { level: 1, name: t("events.title") })).toBeVisible();
  await expect(
    page.getByRole("link", { name: /Online-Sprechstunde: Fragen rund um Aufenthalt/ }).first(),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "Netzwerktreffen Integration Burgenlandkreis" })).toHaveCount(
    0,
  );
  await page
    .getByLabel(t("events.format"), { exact: true })
    .selectOption({ label: t("events.formats.in_person") });
  await page.getByRole("button", { name: t("events.filter") }).click();
  await expect(page).toHaveURL(/format=in_person/);
  await expect(page.getByRole("link", { name: /Online-Sprechstunde/ })).toHaveCount(0);
  await expectNoA11yViolations(page);
  // A newcomer without an account is shown the way in, not only the sign-in.
  await page
    .getByRole("link", { name: /Sprachcafé Hohenmölsen/ })
    .first()
    .click();
  const panel = page.getByRole("region", { name: t("events.rsvpTitle") });
  await expect(panel).toContainText(t("events.rsvpForMembers"));
  await expect(panel.getByRole("link", { name: t("events.signInToRsvp") })).toHaveAttribute(
    "href",
    /^\/login\?next=/,
  );
  await panel.getByRole("link", { name: /Mitglied werden/ }).click();
  await expect(page).toHaveURL(/\/signup$/);
  await page.goBack();
  const feed = await page.request.get("/api/calendar/public");
  expect(await feed.text()).not.toContain("Netzwerktreffen Integration");

  await coordinator.goto("/events");
  await expect(
    coordinator.getByRole("link", { name: "Netzwerktreffen Integration Burgenlandkreis" }).first(),
  ).toBeVisible();
  await coordinator.getByRole("link", { name: t("events.subscribe") }).click();
  const create = coordinator.getByRole("button", { name: t("events.calendar.create") });
  const address = coordinator.getByLabel(t("events.calendar.personalUrl"));
  // The coordinator is shared by every spec, so the address may exist already; wait for the page
  // to show one or the other before looking (isVisible does not wait).
  await expect(create.or(address)).toBeVisible();
  if (await create.isVisible()) await create.click();
  const url = await address.inputValue();
  const personal = await page.request.get(new URL(url).pathname);
  expect(await personal.text()).toContain("Netzwerktreffen Integration");
  await expectNoA11yViolations(coordinator);
  await coordinator.getByRole("button", { name: t("events.calendar.renew") }).click();
  // Creating the address shows the same notice, so wait for the new address itself.
  await expect(coordinator.getByLabel(t("events.calendar.personalUrl"))).not.toHaveValue(url);
  await expect(coordinator.getByText(t("events.calendar.saved.renewed"))).toBeVisible();
  expect((await page.request.get(new URL(url).pathname)).status()).toBe(404);
});

test("visitors get the events list, filtered or not, and a public event from the page cache, script-free, and see the organiser's change within seconds", async ({
  page,
  coordinator,
}) => {
  const title = `Stammtisch Ehrenamt ${uniqueSuffix()}`;
  await coordinator.goto("/events/new");
  await coordinator.getByLabel(t("events.form.title")).fill(title);
  // Early tomorrow, so it is on the list's first page.
  await coordinator.getByLabel(t("events.form.date")).fill(dayFromNow(1));
  await coordinator.getByLabel(t("events.form.startTime")).fill("06:00");
  await coordinator.getByLabel(t("events.form.endTime")).fill("07:00");
  await coordinator
    .getByLabel(t("events.form.format"))
    .selectOption({ label: t("events.formats.in_person") });
  await coordinator.getByLabel(t("events.form.venue")).fill("Alte Feuerwache");
  await coordinator.getByLabel(t("events.form.capacity")).fill("3");
  await coordinator
    .getByLabel(t("events.form.visibility"))
    .selectOption({ label: t("events.visibilities.public") });
  await coordinator.getByRole("button", { name: t("events.form.create") }).click();
  await expect(coordinator.getByText(t("events.saved.created"))).toBeVisible();
  const eventId = new URL(coordinator.url()).pathname.split("/").at(-1)!;

  const card = page.getByRole("link", { name: new RegExp(title) });
  let response: Awaited<ReturnType<typeof page.goto>> = null;
  await expect(async () => {
    response = await page.goto("/events");
    await expect(card).toBeVisible({ timeout: 100 });
  }).toPass(CACHE_RENEWAL);
  expect(response!.headers()["x-page-cache"]).toMatch(/hit|miss/);
  expect(response!.headers()["content-security-policy"]).toContain("script-src 'none'");
  expect(await page.locator("script").count()).toBe(0);
  // A filtered list is a cached page of its own.
  await page
    .getByLabel(t("events.format"), { exact: true })
    .selectOption({ label: t("events.formats.in_person") });
  const filtered = page.waitForResponse((r) => r.url().includes("format=in_person"));
  await page.getByRole("button", { name: t("events.filter") }).click();
  expect((await filtered).headers()["x-page-cache"]).toMatch(/hit|miss/);
  const filteredList = page.url();
  // (renewed as the whole list is, within a second: a copy made before the change may come first)
  await expect(async () => {
    await page.goto(filteredList);
    await expect(card).toBeVisible({ timeout: 100 });
  }).toPass(CACHE_RENEWAL);
  await card.click();
  await expect(page).toHaveURL(new RegExp(`/events/${eventId}\\?date=`));
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(t("events.capacityInfo", { going: 0, capacity: 3 }))).toBeVisible();
  expect(await page.locator("script").count()).toBe(0);
  await expectNoA11yViolations(page);

  await coordinator.goto(`/events/${eventId}/edit`);
  await coordinator.getByLabel(t("events.form.title")).fill(`${title} im Hof`);
  await coordinator.getByLabel(t("events.form.capacity")).fill("5");
  await coordinator.getByRole("button", { name: t("events.form.save") }).click();
  await expect(coordinator.getByText(t("events.saved.updated"))).toBeVisible();

  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: `${title} im Hof` })).toBeVisible({
      timeout: 100,
    });
    await expect(page.getByText(t("events.capacityInfo", { going: 0, capacity: 5 }))).toBeVisible({
      timeout: 100,
    });
  }).toPass(CACHE_RENEWAL);
  await expect(async () => {
    await page.goto(filteredList);
    await expect(page.getByRole("link", { name: new RegExp(`${title} im Hof`) })).toBeVisible({
      timeout: 100,
    });
  }).toPass(CACHE_RENEWAL);
});

test("the Arabic events page reads right to left and is axe-clean", async ({ newPage, baseURL }) => {
  const page = await newPage();
  await page.context().addCookies([{ name: "locale", value: "ar", url: baseURL! }]);
  await page.goto("/events");
  const ar = tr("ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1, name: ar("events.title") })).toBeVisible();
  await page
    .getByRole("link", { name: /Sprachcafé Hohenmölsen/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 2, name: ar("events.rsvpTitle") })).toBeVisible();
  await expect(page.getByText("Markt 4, 06679 Hohenmölsen")).toBeVisible();
  await expectNoA11yViolations(page);
});

test("an event description with 60 XSS payloads renders inert for the organiser and for visitors", async ({
  coordinator,
  page,
}) => {
  const dialogs = recordDialogs(coordinator, page);
  const title = `Sicherheitstest Termin ${uniqueSuffix()}`;
  await coordinator.goto("/events/new");
  await coordinator.getByLabel(t("events.form.title")).fill(title);
  await coordinator.getByLabel(t("events.form.description")).fill(XSS_PAYLOADS.join("\n\n"));
  await coordinator.getByLabel(t("events.form.date")).fill(dayFromNow(30));
  await coordinator.getByLabel(t("events.form.startTime")).fill("14:00");
  await coordinator.getByLabel(t("events.form.endTime")).fill("15:00");
  await coordinator.getByLabel(t("events.form.format")).selectOption({ label: t("events.formats.online") });
  await coordinator.getByLabel(t("events.form.onlineUrl")).fill("https://meet.example.org/e2e-xss");
  await coordinator
    .getByLabel(t("events.form.visibility"))
    .selectOption({ label: t("events.visibilities.public") });
  await coordinator.getByRole("button", { name: t("events.form.create") }).click();
  await expect(coordinator.getByRole("heading", { level: 1, name: title })).toBeVisible();

  await expectInertFor([coordinator, page], coordinator.url(), (viewer) =>
    viewer.getByRole("region", { name: t("events.aboutTitle") }),
  );
  expect(dialogs).toEqual([]);
});

/**
 * A weekly in-person series (16:00–17:30 at the Stadtbibliothek, from `firstDate` until `until`),
 * created by the coordinator, and a member who said yes to its first date.
 */
async function seriesWithAttendee(input: {
  coordinator: Page;
  newPage: () => Promise<Page>;
  title: string;
  firstDate: string;
  until: string;
  attendeeEmail: string;
}) {
  const { coordinator, firstDate } = input;
  await coordinator.goto("/events/new");
  await coordinator.getByLabel(t("events.form.title")).fill(input.title);
  await coordinator.getByLabel(t("events.form.date")).fill(firstDate);
  await coordinator.getByLabel(t("events.form.startTime")).fill("16:00");
  await coordinator.getByLabel(t("events.form.endTime")).fill("17:30");
  await coordinator
    .getByLabel(t("events.form.frequency"), { exact: true })
    .selectOption({ label: t("events.form.frequencies.weekly") });
  await coordinator.getByLabel(t("events.form.untilDate")).fill(input.until);
  await coordinator
    .getByLabel(t("events.form.format"))
    .selectOption({ label: t("events.formats.in_person") });
  await coordinator.getByLabel(t("events.form.venue")).fill("Stadtbibliothek");
  await coordinator.getByLabel(t("events.form.address")).fill("Altmarkt 1, 06712 Zeitz");
  await coordinator.getByRole("button", { name: t("events.form.create") }).click();
  await expect(coordinator.getByText(t("events.saved.created"))).toBeVisible();
  const eventId = new URL(coordinator.url()).pathname.split("/").at(-1)!;
  const attendee = await input.newPage();
  await signInAs(attendee, input.attendeeEmail);
  await attendee.goto(`/events/${eventId}?date=${firstDate}`);
  await attendee.getByRole("button", { name: t("events.answer.yes"), exact: true }).click();
  await expect(attendee.getByText(t("events.you.yes"))).toBeVisible();
  return { eventId, attendee };
}

test("a coordinator types the organising organisation, suggested from all of the network's; a misspelt one is said beside the field; the edit form keeps it", async ({
  coordinator,
}) => {
  const title = `Bewerbungstraining Test ${uniqueSuffix()}`;
  const organisation = "Jobcenter Burgenlandkreis";
  await coordinator.goto("/events/new");
  const organiser = coordinator.getByRole("combobox", { name: new RegExp(`^${t("events.form.organiser")}`) });
  // the field starts as the coordinator's own choice; the network's organisations are suggested
  await expect(organiser).toHaveValue(/^Ich selbst \(/);
  const suggestions = coordinator.locator(`datalist[id="${await organiser.getAttribute("list")}"] option`);
  await expect(suggestions.and(coordinator.locator(`[value="${organisation}"]`))).toHaveCount(1);
  await coordinator.getByLabel(t("events.form.title")).fill(title);
  await coordinator.getByLabel(t("events.form.date")).fill(dayFromNow(40));
  await coordinator.getByLabel(t("events.form.startTime")).fill("10:00");
  await coordinator.getByLabel(t("events.form.endTime")).fill("12:00");
  await coordinator.getByLabel(t("events.form.venue")).fill("Jobcenter, Raum 3");
  await organiser.fill("Jobcenter Burgenland");
  await coordinator.getByRole("button", { name: t("events.form.create") }).click();
  await expect(organiser).toHaveAccessibleDescription(new RegExp(`^${t("events.errors.unknownOrganiser")}`));
  await expect(organiser).toHaveValue("Jobcenter Burgenland");
  await expect(coordinator.getByLabel(t("events.form.title"))).toHaveValue(title);
  await expectNoA11yViolations(coordinator);

  await organiser.fill(organisation.toUpperCase());
  await coordinator.getByRole("button", { name: t("events.form.create") }).click();
  await expect(coordinator.getByText(t("events.saved.created"))).toBeVisible();
  // the event names the organisation as its organiser, linking to its page
  await expect(
    coordinator.getByRole("definition").getByRole("link", { name: organisation, exact: true }),
  ).toBeVisible();

  await coordinator.goto(`${new URL(coordinator.url()).pathname}/edit`);
  await expect(
    coordinator.getByRole("combobox", { name: new RegExp(`^${t("events.form.organiser")}`) }),
  ).toHaveValue(organisation);
});

test("an event made one working group's: an outsider's seat goes to the group's member on the waiting list, and the outsider is told without time, place or link", async ({
  coordinator,
  newPage,
}) => {
  const suffix = uniqueSuffix();
  const title = `Fallbesprechung ${suffix}`;
  const group = `AK Fallbesprechung ${suffix}`;
  await test.step("the coordinator creates a working group with one of the two members", () =>
    createGroupCategory(coordinator, {
      group,
      category: `Fallbesprechung intern ${suffix}`,
      members: [SECOND!],
    }));

  await test.step("a members' event with one seat", async () => {
    await coordinator.goto("/events/new");
    await coordinator.getByLabel(t("events.form.title")).fill(title);
    await coordinator.getByLabel(t("events.form.date")).fill(dayFromNow(16));
    await coordinator.getByLabel(t("events.form.startTime")).fill("14:00");
    await coordinator.getByLabel(t("events.form.endTime")).fill("15:30");
    await coordinator
      .getByLabel(t("events.form.format"))
      .selectOption({ label: t("events.formats.in_person") });
    await coordinator.getByLabel(t("events.form.venue")).fill("Rathaus Zeitz, Raum 4");
    await coordinator.getByLabel(t("events.form.capacity")).fill("1");
    await coordinator
      .getByLabel(t("events.form.visibility"))
      .selectOption({ label: t("events.visibilities.members") });
    await coordinator.getByRole("button", { name: t("events.form.create") }).click();
    await expect(coordinator.getByText(t("events.saved.created"))).toBeVisible();
  });
  const eventId = new URL(coordinator.url()).pathname.split("/").at(-1)!;

  const outsider = await newPage();
  const member = await newPage();
  await test.step("a member outside the group takes the seat; the group's member waits", async () => {
    await signInAs(outsider, THIRD!.email);
    await outsider.goto(`/events/${eventId}`);
    const yes = outsider.getByRole("button", { name: t("events.answer.yes"), exact: true });
    await waitForHydration(yes);
    await yes.click();
    await expect(outsider.getByText(t("events.you.yes"))).toBeVisible();
    await signInAs(member, SECOND!.email);
    await member.goto(`/events/${eventId}`);
    const join = member.getByRole("button", { name: t("events.joinWaitingList") });
    await waitForHydration(join);
    await join.click();
    await expect(member.getByText(t("events.youWaiting", { position: 1 }))).toBeVisible();
  });

  await test.step("the coordinator makes it the group's: the member moves up, the outsider's answer is withdrawn and they are told", async () => {
    const since = Date.now();
    await coordinator.goto(`/events/${eventId}/edit`);
    await coordinator
      .getByLabel(t("events.form.visibility"))
      .selectOption({ label: t("events.visibilities.group") });
    await coordinator.getByLabel(t("events.form.groupId"), { exact: true }).selectOption({ label: group });
    await coordinator.getByRole("button", { name: t("events.form.save") }).click();
    await expect(coordinator.getByText(t("events.saved.updated"))).toBeVisible();

    await waitForMail(SECOND!.email, { subject: t("events.mail.promoted.subject", { title }), since });
    await member.reload();
    await expect(member.getByText(t("events.you.yes"))).toBeVisible();

    const mail = await waitForMail(THIRD!.email, {
      subject: t("events.mail.withdrawn.subject", { title }),
      since,
    });
    expect(mail.text).toContain(t("events.mail.withdrawn.body", { title, count: 1 }));
    for (const part of ["14:00", "Raum 4", `/events/${eventId}`, group])
      expect(mail.text).not.toContain(part);
    expect((await outsider.goto(`/events/${eventId}`))?.status()).toBe(404);
  });
});
