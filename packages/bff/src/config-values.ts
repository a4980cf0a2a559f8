/** Readers of single settings, shared by {@link readBffConfig} and its parts. */

export type Env = Record<string, string | undefined>;

/** A whole number from `min` to `max`; the default when unset; else a sentence for the operator in `problems`. */
export function readInteger(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const number = Number(text);
  if (Number.isInteger(number) && number >= min && number <= max) return number;
  problems.push(`${name} ist eine ganze Zahl von ${min} bis ${max}, nicht „${text}“.`);
  return fallback;
}
