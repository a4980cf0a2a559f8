/** The comment at the top of every shipped file. */
export function banner(options?: { thirdParty?: boolean }): string;
export function notices(): string;
export const BUNDLED: readonly string[];
