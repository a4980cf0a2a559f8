/*
 * The first view (paint.ts) hands its shadow root over to the element when the
 * element's file is there: what it painted goes, and what the citizen was
 * doing with it goes on – where focus was, a press (or one begun: a pointer or
 * Space held down), a pointer's or focus's intent. Kept on the window: a
 * second copy of the first file hands over what the first copy painted.
 */

/** What the citizen did with a painted view before the element took over. */
export interface FirstView {
  /** The `part` of the control that had focus ('' for one without), `undefined` when focus was elsewhere. */
  focusedPart?: string;
  /** The sign-in button was pressed, or a press on it had begun. */
  clicked: boolean;
  /** Pointed at, touched or focused: the citizen is about to sign in. */
  intended: boolean;
  /** Removes what was painted: after the element's first rendering, and after focus has moved on to it. */
  finish(): void;
}

/** What the painted view notes as the citizen acts on it. */
export interface PaintedState {
  clicked: boolean;
  pressing: boolean;
  intended: boolean;
}

const PAINTED = Symbol.for('buergerportal-widgets.first-views');

function painted(): WeakMap<ShadowRoot, PaintedState> {
  const holder = globalThis as unknown as Record<symbol, WeakMap<ShadowRoot, PaintedState> | undefined>;
  return (holder[PAINTED] ??= new WeakMap());
}

/**
 * Notes a shadow root the first view painted, with the state its controls keep
 * up to date. The root's first child is an empty marker: the element renders
 * before it (Lit renders before a root's first child), so that the painted
 * view can stay until focus has moved on and then go without Lit noticing.
 */
export function notePainted(
  root: ShadowRoot,
  view: Node,
  state: PaintedState = { clicked: false, pressing: false, intended: false },
): void {
  clearPainted(root);
  root.append(document.createComment(''), view);
  painted().set(root, state);
}

/** Whether `root` holds a painted first view not yet taken over. */
export function isPainted(root: ShadowRoot): boolean {
  return painted().has(root);
}

/** Takes what the first view painted out of `root` at once (the first file paints something else there). */
export function clearPainted(root: ShadowRoot): void {
  painted().delete(root);
  root.replaceChildren();
}

/** For the element's first rendering: what the citizen did with a painted view; `undefined` when nothing was painted there. */
export function takeFirstView(root: ShadowRoot): FirstView | undefined {
  const state = painted().get(root);
  if (!state) return undefined;
  painted().delete(root);
  const focused = root.activeElement;
  const paintedNodes = [...root.childNodes].slice(1);
  return {
    focusedPart: focused ? (focused.getAttribute('part') ?? '') : undefined,
    clicked: state.clicked || state.pressing,
    intended: state.intended,
    finish: () => {
      for (const node of paintedNodes) node.remove();
    },
  };
}
/** Focus on the control with `part` in the element's first rendering, else on its first button. */
export function focusedAgain(root: ParentNode, part: string): void {
  const same = part ? root.querySelector<HTMLElement>(`[part~="${CSS.escape(part)}"]`) : null;
  (same ?? root.querySelector<HTMLElement>('button'))?.focus({ preventScroll: true });
}
