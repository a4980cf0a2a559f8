/**
 * A value kept on the window under `buergerportal-widgets.<name>`, made by
 * `create` the first time: every copy of the script on a page (a second
 * script tag, another `?ver=`) shares it instead of keeping its own.
 */
export function onWindow<T>(name: string, create: () => T): T {
  const holder = globalThis as unknown as Record<symbol, T | undefined>;
  return (holder[Symbol.for(`buergerportal-widgets.${name}`)] ??= create());
}
