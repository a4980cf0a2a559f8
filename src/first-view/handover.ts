/*
 * The first view (paint.ts) hands its shadow root over to the element when the
 * element's file is there: what it painted goes, and what the citizen was
 * doing with it goes on – where focus was, a press (or one begun: a pointer or
 * Space held down), a pointer's or focus's intent. Kept on the window: a
 * second copy of the first file hands over what the first copy painted.
 */
import { onWindow } from '../shared/on-window.js';

/** What the citizen did with a painted view before the element took over. */
export interface FirstView {
  /** The sign-in button was pressed, or a press on it had begun. */
  clicked: boolean;
  /** Pointed at, touched or focused: the citizen is about to sign in. */
  intended: boolean;
  /**
   * Moves focus, when it was in the painted view, to the element's control
   * with the same `part` (else its first button or the editor's box) – never
   * to one of the painted view's own. `false` while the element's rendering
   * has no such control yet (it is still finding out who is signed in).
   */
  moveFocus(): boolean;
  /** Removes what was painted: after the element's rendering, once focus has moved on to it. */
  finish(): void;
}

/** What the painted view notes as the citizen acts on it. */
export interface PaintedState {
  clicked: boolean;
  pressing: boolean;
  intended: boolean;
}

const painted = () => onWindow('first-views', () => new WeakMap<ShadowRoot, PaintedState>());

/**
 * Notes a shadow root the first view painted, with the state its controls keep
 * up to date. The root's first child is an empty marker: the element renders
 * before it (Lit renders before a root's first child), so that the painted
 * view can stay until focus has moved on and then go without Lit noticing.
 * What was painted there before goes only after `focusTarget` has focus (when
 * focus was inside), so focus never drops to nothing on the way.
 */
export function notePainted(
  root: ShadowRoot,
  view: Node,
  state: PaintedState = { clicked: false, pressing: false, intended: false },
  focusTarget?: HTMLElement,
): void {
  const before = [...root.childNodes];
  const hadFocus = root.activeElement !== null;
  root.append(document.createComment(''), view);
  if (hadFocus) focusTarget?.focus();
  for (const node of before) node.remove();
  painted().set(root, state);
}

/** Whether `root` holds a painted first view not yet taken over. */
export function isPainted(root: ShadowRoot): boolean {
  return painted().has(root);
}

/** For the element's rendering: what the citizen did with a painted view; `undefined` when nothing was painted there. */
export function takeFirstView(root: ShadowRoot): FirstView | undefined {
  const state = painted().get(root);
  if (!state) return undefined;
  painted().delete(root);
  const paintedNodes = [...root.childNodes].slice(1);
  const drawn = (element: Element) => !paintedNodes.some((node) => node.contains(element));
  return {
    clicked: state.clicked || state.pressing,
    intended: state.intended,
    moveFocus() {
      const focused = root.activeElement;
      if (!focused || drawn(focused)) return true;
      const part = focused.getAttribute('part');
      const candidates = (selector: string) => [...root.querySelectorAll<HTMLElement>(selector)].filter(drawn);
      const target = (part ? candidates(`[part~="${CSS.escape(part)}"]`)[0] : undefined) ?? candidates('button, .config-error')[0];
      target?.focus({ preventScroll: true });
      return target !== undefined;
    },
    finish: () => {
      for (const node of paintedNodes) node.remove();
    },
  };
}

/**
 * For an element's class: takes what the first view painted in its shadow
 * root (`take`, before Lit's own render root) and hands it over after each
 * rendering (`afterRender`) once focus can move on to the element's control –
 * straight from one to the other, never via <body>; until then (the element
 * still finding out who is signed in) the painted view stays. Returns the
 * view once, when it has gone.
 */
export class FirstViewTakeover {
  private view?: FirstView;

  take(root: ShadowRoot | null): void {
    if (root) this.view = takeFirstView(root);
  }

  afterRender(): FirstView | undefined {
    const view = this.view;
    if (!view?.moveFocus()) return undefined;
    this.view = undefined;
    view.finish();
    return view;
  }
}
