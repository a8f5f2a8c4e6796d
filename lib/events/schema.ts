import { z } from "zod";
import { EVENT_FORMATS, EVENT_FREQUENCIES, EVENT_VISIBILITIES, RSVP_RESPONSES } from "@/db/schema/enums";
import {
  isExistingDate,
  isExistingTime,
  line,
  optionalLine,
  optionalMultiline,
  validFields,
  whenValid,
} from "@/lib/forms/schema";
import { MUNICIPALITIES, SPOKEN_LANGUAGES, TOPICS } from "@/lib/network/constants";
import { seriesFits } from "./recurrence";

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const isoDate = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "invalidDate" })
  .refine(isExistingDate, { error: "noSuchDate" });
const clock = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .regex(/^\d{2}:\d{2}$/, { error: "invalidTime" })
  .refine(isExistingTime, { error: "noSuchTime" });

const webLink = z
  .string()
  .trim()
  .max(500, { error: "tooLong" })
  .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: "invalidUrl" }));

/** The event form: one schema for create and edit. Cross-field rules add errors beside the field concerned. */
export const EventInput = z
  .object({
    title: line(200, 3),
    description: optionalMultiline(10_000),
    topic: optional(z.enum(TOPICS, { error: "invalidChoice" })),
    languages: z.array(z.enum(SPOKEN_LANGUAGES, { error: "invalidChoice" })).max(16),
    format: z.enum(EVENT_FORMATS, { error: "invalidChoice" }),
    venue: optionalLine(200),
    address: optionalLine(300),
    municipality: optional(z.enum(MUNICIPALITIES, { error: "invalidChoice" })),
    onlineUrl: optional(webLink),
    onlineUrlAttendeesOnly: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
    accessibility: optionalMultiline(2000),
    organiser: z.string().trim().min(1, { error: "required" }).max(300, { error: "unknownOrganiser" }),
    visibility: z.enum(EVENT_VISIBILITIES, { error: "invalidChoice" }),
    groupId: optional(z.string().max(64)),
    date: isoDate,
    startTime: clock,
    endTime: clock,
    frequency: z.enum(EVENT_FREQUENCIES, { error: "invalidChoice" }),
    untilDate: optional(isoDate),
    capacity: optional(
      z.coerce
        .number({ error: "invalidNumber" })
        .int({ error: "invalidNumber" })
        .min(1, { error: "capacityRange" })
        .max(10_000, { error: "capacityRange" }),
    ),
  })
  .superRefine((v, ctx) => {
    // each rule as soon as the fields it reads are valid, beside the other fields' errors
    const issue = (path: string, message: string, reads: string[]) => {
      if (validFields(ctx, [path, ...reads])) ctx.addIssue({ code: "custom", path: [path], message });
    };
    if (v.endTime <= v.startTime) issue("endTime", "endBeforeStart", ["startTime"]);
    if (v.format === "in_person" && !v.address && !v.venue)
      issue("address", "addressRequired", ["format", "venue"]);
    if (v.format === "online" && !v.onlineUrl) issue("onlineUrl", "onlineUrlRequired", ["format"]);
    if (v.visibility === "group" && !v.groupId) issue("groupId", "groupRequired", ["visibility"]);
    if (v.frequency !== "none" && v.untilDate && v.untilDate < v.date)
      issue("untilDate", "untilBeforeStart", ["frequency", "date"]);
    else if (!seriesFits(v.frequency, v.date, v.untilDate ?? null))
      issue("untilDate", "seriesTooLong", ["frequency", "date"]);
  }, whenValid());
export type EventInput = z.infer<typeof EventInput>;

/** `version`: the event's sequence when the form was loaded; a save from an older one is refused. */
export const EventUpdate = EventInput.and(
  z.object({
    eventId: z.string().min(1).max(64),
    version: z
      .string()
      .regex(/^\d{1,9}$/)
      .transform(Number),
  }),
);
export type EventUpdate = z.infer<typeof EventUpdate>;

export const Rsvp = z.object({
  occurrenceId: z.string().min(1).max(64),
  response: z.enum(RSVP_RESPONSES, { error: "invalidChoice" }),
});
export type Rsvp = z.infer<typeof Rsvp>;

export const OccurrenceChange = z.object({
  occurrenceId: z.string().min(1).max(64),
  change: z.enum(["cancel", "restore"], { error: "invalidChoice" }),
  /** Cancelling a date people answered for: set only by the confirmation step. */
  confirmed: z.literal("yes").optional().catch(undefined),
});
export type OccurrenceChange = z.infer<typeof OccurrenceChange>;

export const MoveOccurrence = z
  .object({
    occurrenceId: z.string().min(1).max(64),
    date: isoDate,
    startTime: clock,
    endTime: clock,
  })
  .superRefine(
    (v, ctx) => {
      if (v.endTime <= v.startTime)
        ctx.addIssue({ code: "custom", path: ["endTime"], message: "endBeforeStart" });
    },
    whenValid("startTime", "endTime"),
  );
export type MoveOccurrence = z.infer<typeof MoveOccurrence>;

/** One date's own place: the same rules as the event's place, beside the field concerned. */
export const OccurrencePlace = z
  .object({
    occurrenceId: z.string().min(1).max(64),
    format: z.enum(EVENT_FORMATS, { error: "invalidChoice" }),
    venue: optionalLine(200),
    address: optionalLine(300),
    municipality: optional(z.enum(MUNICIPALITIES, { error: "invalidChoice" })),
    onlineUrl: optional(webLink),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string, reads: string[]) => {
      if (validFields(ctx, [path, ...reads])) ctx.addIssue({ code: "custom", path: [path], message });
    };
    // Worded after this form's own fields (Treffpunkt, Anschrift), not the event form's.
    if (v.format === "in_person" && !v.address && !v.venue)
      issue("address", "datePlaceRequired", ["format", "venue"]);
    if (v.format === "online" && !v.onlineUrl) issue("onlineUrl", "onlineUrlRequired", ["format"]);
  }, whenValid());
export type OccurrencePlace = z.infer<typeof OccurrencePlace>;

/** Back to the event's place for one date. */
export const ClearOccurrencePlace = z.object({ occurrenceId: z.string().min(1).max(64) });
export type ClearOccurrencePlace = z.infer<typeof ClearOccurrencePlace>;

export const EventId = z.object({ eventId: z.string().min(1).max(64) });
export type EventId = z.infer<typeof EventId>;

/** Cancelling a whole event: `confirmed` comes only from the confirmation step. */
export const CancelEvent = EventId.extend({ confirmed: z.literal("yes").optional().catch(undefined) });
export type CancelEvent = z.infer<typeof CancelEvent>;
