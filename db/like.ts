const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `text` as a LIKE pattern that matches it anywhere, its `%`, `_` and `\` taken literally. */
export const containing = (text: string): string => `%${escapeLike(text)}%`;
