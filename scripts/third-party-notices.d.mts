/** The comment at the top of every shipped file. */
export function banner(): string;
export function notices(): string;
export const BUNDLED: readonly string[];
