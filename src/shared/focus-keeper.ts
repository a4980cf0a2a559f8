import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { focusInView, revealUnobscured } from './focus.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Focus is never lost to `<body>`: when a render removes the element that
 * had focus inside the host, focus moves to `fallback()` (e.g. the step
 * heading). Keyboard focus inside the host is kept clear of the page's
 * sticky bars.
 */
export class FocusKeeper implements ReactiveController {
  private hadFocus = false;

  constructor(
    private readonly host: Host,
    private readonly fallback: (root: ShadowRoot) => HTMLElement | null | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.root()?.addEventListener('focusin', this.onFocusIn);
  }

  hostDisconnected(): void {
    this.root()?.removeEventListener('focusin', this.onFocusIn);
  }

  hostUpdate(): void {
    this.hadFocus = !!this.root()?.activeElement;
  }

  hostUpdated(): void {
    const root = this.root();
    if (!root || !this.hadFocus || root.activeElement) return;
    // The focused element was rendered away; focus went to <body>.
    const target = this.fallback(root);
    if (target) focusInView(target);
  }

  private root(): ShadowRoot | null {
    return this.host.shadowRoot;
  }

  private readonly onFocusIn = (event: Event) => {
    const target = event.target;
    if (target instanceof HTMLElement && target.matches(':focus-visible')) revealUnobscured(target);
  };
}
