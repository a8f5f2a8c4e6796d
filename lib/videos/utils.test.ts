import { describe, expect, it } from "vitest";
import { isWebVtt, parseRange, sniffMediaType, youtubeId } from "./utils";

describe("youtubeId", () => {
  it("accepts watch, short and embed links and refuses anything else", () => {
    expect(youtubeId("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=3")).toBe("dQw4w9WgXcQ");
    expect(youtubeId("https://youtu.be/dQw4w9WgXcQ")).toBe("dQw4w9WgXcQ");
    expect(youtubeId("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")).toBe("dQw4w9WgXcQ");
    expect(youtubeId("https://evil.example/watch?v=dQw4w9WgXcQ")).toBeNull();
    expect(youtubeId("javascript:alert(1)")).toBeNull();
  });
});

describe("sniffMediaType", () => {
  it("knows WebM, MP4 and images by their first bytes, not by their name", () => {
    expect(sniffMediaType(new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 1, 2]))).toBe("video/webm");
    expect(sniffMediaType(new Uint8Array([0, 0, 0, 0x20, 0x66, 0x74, 0x79, 0x70, 0x69]))).toBe("video/mp4");
    expect(sniffMediaType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(
      "image/png",
    );
    expect(sniffMediaType(new TextEncoder().encode("<html>not a video"))).toBeNull();
  });
});

describe("parseRange", () => {
  it("reads the ranges a video player asks for", () => {
    expect(parseRange("bytes=0-", 1000)).toEqual({ start: 0, end: 999 });
    expect(parseRange("bytes=100-199", 1000)).toEqual({ start: 100, end: 199 });
    expect(parseRange("bytes=900-5000", 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange("bytes=-100", 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange("bytes=1000-", 1000)).toBe("unsatisfiable");
    expect(parseRange("bytes=0-1,5-9", 1000)).toBeNull();
    expect(parseRange(null, 1000)).toBeNull();
  });
});

describe("isWebVtt", () => {
  it("accepts WebVTT files only", () => {
    expect(isWebVtt("WEBVTT\n\n00:00.000 --> 00:01.000\nHallo")).toBe(true);
    expect(isWebVtt("\uFEFFWEBVTT - Untertitel\r\n")).toBe(true);
    expect(isWebVtt("1\n00:00:00,000 --> 00:00:01,000\nSRT")).toBe(false);
  });
});
