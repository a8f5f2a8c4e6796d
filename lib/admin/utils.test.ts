import { describe, expect, it } from "vitest";
import { axisTicks } from "./utils";

describe("axisTicks", () => {
  it("gives whole numbers for every gridline, also for small counts", () => {
    for (let largest = 0; largest <= 2000; largest++) {
      const ticks = axisTicks(largest);
      expect(ticks.every(Number.isInteger), `largest ${largest}: ${ticks}`).toBe(true);
      expect(ticks[2]).toBeGreaterThanOrEqual(largest);
    }
  });

  it("rounds the top up to a plain number close above the largest value", () => {
    expect(axisTicks(0)).toEqual([0, 2, 4]);
    expect(axisTicks(5)).toEqual([0, 3, 6]);
    expect(axisTicks(7)).toEqual([0, 5, 10]);
    expect(axisTicks(13)).toEqual([0, 10, 20]);
    expect(axisTicks(420)).toEqual([0, 250, 500]);
  });
});
