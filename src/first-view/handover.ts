/*
 * The first view (paint.ts) hands its shadow root over to the login's element
 * when Lit is there: what it painted goes, and whether the citizen had the
 * button focused or pressed it goes on. Kept on the window: a second copy of
 * the first file hands over what the first copy painted.
 */

/** What the citizen did with a painted sign-in button before the element took over. */
export interface FirstView {
  focused: boolean;
  clicked: boolean;
  /** Pointed at, touched or focused: the citizen is about to sign in. */
  intended: boolean;
}

/** What the painted view notes as the citizen acts on it. */
export type PaintedState = Omit<FirstView, 'focused'>;

const PAINTED = Symbol.for('buergerportal-widgets.first-views');

function painted(): WeakMap<ShadowRoot, PaintedState> {
  const holder = globalThis as unknown as Record<symbol, WeakMap<ShadowRoot, PaintedState> | undefined>;
  return (holder[PAINTED] ??= new WeakMap());
}

/** Notes a shadow root the first view painted, with the state its button keeps up to date. */
export function notePainted(root: ShadowRoot, state: PaintedState): void {
  painted().set(root, state);
}

/** Whether `root` holds a painted first view not yet taken over. */
export function isPainted(root: ShadowRoot): boolean {
  return painted().has(root);
}

/** Empties a painted shadow root for the element's own rendering; `undefined` when nothing was painted there. */
export function takeFirstView(root: ShadowRoot): FirstView | undefined {
  const state = painted().get(root);
  if (!state) return undefined;
  painted().delete(root);
  const focused = root.activeElement !== null;
  root.replaceChildren();
  return { focused, ...state };
}
