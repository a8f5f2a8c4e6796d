import { describe, expect, it } from "vitest";
import { IMPORT_FILE_LIMITS } from "@/lib/campaigns/constants";
import { ATTACHMENT_LIMITS as FORUM } from "@/lib/forum/constants";
import { ATTACHMENT_LIMITS as MESSAGES } from "@/lib/messages/constants";
import { PHOTO_LIMITS } from "@/lib/profile/constants";
import { LOGO_LIMITS } from "@/lib/settings/constants";
import { CAPTION_LIMITS } from "@/lib/videos/constants";
import { fileLimitBreach, MB, SERVER_ACTION_BODY_LIMIT_MB } from "./file-limits";

const files = (...megabytes: number[]) => megabytes.map((mb) => ({ size: Math.round(mb * MB) }));

describe("fileLimitBreach", () => {
  it("names the first limit the chosen files break", () => {
    expect(fileLimitBreach(files(1, 2), MESSAGES)).toBeNull();
    expect(fileLimitBreach(files(1, 1, 1, 1, 0.5, 0.1), MESSAGES)).toBe("count");
    expect(fileLimitBreach(files(4.5), MESSAGES)).toBe("each");
    expect(fileLimitBreach(files(3, 3), MESSAGES)).toBe("total");
    expect(fileLimitBreach(files(5, 5, 5, 5), FORUM)).toBeNull();
    expect(fileLimitBreach(files(5.1), FORUM)).toBe("each");
  });

  it("does not count the empty file an untouched input sends", () => {
    expect(fileLimitBreach([...files(1, 1, 1, 1), { size: 0 }], FORUM)).toBeNull();
  });
});

describe("the server actions' request limit", () => {
  it("takes every form's largest allowed upload with room for its text", () => {
    for (const limits of [FORUM, MESSAGES, PHOTO_LIMITS, IMPORT_FILE_LIMITS, LOGO_LIMITS, CAPTION_LIMITS]) {
      // multipart adds a few hundred bytes per file; the text fields are at most 20,000 characters
      expect(limits.totalBytes + limits.count * 1024 + 100_000).toBeLessThan(
        SERVER_ACTION_BODY_LIMIT_MB * MB,
      );
      expect(limits.totalBytes).toBeLessThanOrEqual(limits.count * limits.eachBytes);
    }
  });
});
