import { Fragment, type ReactNode } from "react";
import { formatList } from "@/lib/i18n/intl";
import type { Participant } from "../data";

/** A stand-in per item (a private-use character no name contains), so the language's list pattern can place the elements. */
const mark = (index: number) => `\uE000${index}\uE000`;

/**
 * The other participants as the language writes a list ("Anna, Bernd und Clara", "Anna وBernd"),
 * each a link to their profile while they are a member.
 */
export function ParticipantNames({
  locale,
  participants,
  formerMember,
}: {
  locale: string;
  participants: Pick<Participant, "id" | "name" | "member">[];
  formerMember: string;
}) {
  const names: ReactNode[] = participants.map((p) =>
    p.member && p.name ? (
      <a key={p.id} href={`/members/${p.id}`}>
        <bdi>{p.name}</bdi>
      </a>
    ) : (
      <bdi key={p.id}>{p.name ?? formerMember}</bdi>
    ),
  );
  const parts = formatList(
    locale,
    names.map((_, i) => mark(i)),
  ).split(/\uE000(\d+)\uE000/);
  // split() with a group: text, index, text, index, …, text.
  return parts.map((part, i) => <Fragment key={i}>{i % 2 === 1 ? names[Number(part)] : part}</Fragment>);
}
