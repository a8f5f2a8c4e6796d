const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `text` as a LIKE pattern that matches it anywhere, its `%`, `_` and `\` taken literally. */
export const containing = (text: string): string => `%${escapeLike(text)}%`;

/** A LIKE pattern for the values that start with `text`, taken literally. */
export const startingWith = (text: string): string => `${escapeLike(text)}%`;
