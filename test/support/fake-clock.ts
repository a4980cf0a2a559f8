/*
 * A clock the test moves by hand: setTimeout, clearTimeout and Date.now are
 * replaced until `uninstall()`. Timers fire in order of their time when the
 * test calls `tick()`; no real time passes. (Small on purpose: sinon's
 * fake-timers is CommonJS, which the test runner does not load.)
 */

interface Timer {
  at: number;
  run: () => void;
}

export interface FakeClock {
  /** Moves the clock on by `ms`, firing every timer that falls due, in order. */
  tick(ms: number): void;
  uninstall(): void;
}

export function installFakeClock(start = Date.now()): FakeClock {
  const real = { setTimeout: globalThis.setTimeout, clearTimeout: globalThis.clearTimeout, now: Date.now };
  const timers = new Map<number, Timer>();
  let now = start;
  let nextId = 1;
  globalThis.setTimeout = ((handler: (...args: unknown[]) => void, ms = 0, ...args: unknown[]) => {
    const id = nextId++;
    timers.set(id, { at: now + Math.max(0, ms), run: () => handler(...args) });
    return id;
  }) as typeof setTimeout;
  globalThis.clearTimeout = ((id: number | undefined) => {
    // A timer set before the clock was installed is cleared for real.
    if (id !== undefined && !timers.delete(id)) real.clearTimeout.call(globalThis, id);
  }) as typeof clearTimeout;
  Date.now = () => now;
  return {
    tick(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers].filter(([, timer]) => timer.at <= end).sort(([, a], [, b]) => a.at - b.at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].run();
      }
      now = end;
    },
    uninstall() {
      globalThis.setTimeout = real.setTimeout;
      globalThis.clearTimeout = real.clearTimeout;
      Date.now = real.now;
    },
  };
}
