import { describe, expect, it } from "vitest";
import { namespaceTranslator } from "./translator";

// Arabic counts take different words for 1, 2 (the dual), 3–10 (plural), 11–99 and 100 (singular).
const counts = [1, 2, 3, 11, 100] as const;
const render = (namespace: string, key: string, values: Record<string, string> = {}) =>
  counts.map((count) => namespaceTranslator("ar", namespace)(key, { count, ...values }));

describe("Arabic plurals", () => {
  it("name unread conversations in the header by their number", () => {
    expect(render("messages", "navUnread")).toEqual([
      "الرسائل، محادثة واحدة غير مقروءة",
      "الرسائل، محادثتان غير مقروءتين",
      "الرسائل، 3 محادثات غير مقروءة",
      "الرسائل، 11 محادثة غير مقروءة",
      "الرسائل، 100 محادثة غير مقروءة",
    ]);
  });

  it("count unread messages, forum posts and notifications", () => {
    expect(render("messages", "unread")).toEqual([
      "رسالة غير مقروءة",
      "رسالتان غير مقروءتين",
      "3 رسائل غير مقروءة",
      "11 رسالة غير مقروءة",
      "100 رسالة غير مقروءة",
    ]);
    expect(render("forum", "unread")).toEqual([
      "مشاركة غير مقروءة",
      "مشاركتان غير مقروءتين",
      "3 مشاركات غير مقروءة",
      "11 مشاركة غير مقروءة",
      "100 مشاركة غير مقروءة",
    ]);
    expect(render("notifications", "navUnread")).toEqual([
      "الإشعارات، إشعار واحد غير مقروء",
      "الإشعارات، إشعاران غير مقروءين",
      "الإشعارات، 3 إشعارات غير مقروءة",
      "الإشعارات، 11 إشعارًا غير مقروء",
      "الإشعارات، 100 إشعار غير مقروء",
    ]);
  });

  it("say how many new messages and replies a notification stands for", () => {
    expect(
      render("notifications", "kinds.message", { group: "no", actor: "Katrin Vogel", title: "" }),
    ).toEqual([
      "رسالة جديدة من Katrin Vogel",
      "رسالتان جديدتان من Katrin Vogel",
      "3 رسائل جديدة من Katrin Vogel",
      "11 رسالة جديدة من Katrin Vogel",
      "100 رسالة جديدة من Katrin Vogel",
    ]);
    const reply = { subject: "post", actor: "Katrin Vogel", title: "Sprachkurse" };
    expect(render("notifications", "kinds.reply", reply)).toEqual([
      "رد جديد من Katrin Vogel في «Sprachkurse»",
      "ردّان جديدان من Katrin Vogel في «Sprachkurse»",
      "3 ردود جديدة من Katrin Vogel في «Sprachkurse»",
      "11 ردًا جديدًا من Katrin Vogel في «Sprachkurse»",
      "100 رد جديد من Katrin Vogel في «Sprachkurse»",
    ]);
  });
});
