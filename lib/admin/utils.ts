/**
 * Gridline values for a chart of counts: 0, a middle line and a rounded-up top (4, 6, 10, 20, 50 …
 * × 10ⁿ), all whole numbers: a count of people has no 2.5.
 */
export function axisTicks(largest: number): [number, number, number] {
  const top = niceMax(largest);
  return [0, top / 2, top];
}

function niceMax(value: number): number {
  if (value <= 4) return 4;
  if (value <= 6) return 6;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5]) if (value <= step * power) return step * power;
  return 10 * power;
}
