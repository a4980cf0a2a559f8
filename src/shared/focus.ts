/*
 * Focus that the citizen can see: moved without the browser's own jump, then
 * scrolled so that the page's fixed or sticky bars (header, cookie banner)
 * do not cover it (WCAG 2.4.11).
 */

/** Room left between a revealed element and a bar or the viewport's edge. */
const MARGIN_PX = 16;
/** Bars stacked on one another (header, then a cookie banner) are looked through up to this depth. */
const MAX_STACKED_BARS = 4;
/**
 * Room a bar must leave for a control to be shown beside it. Anything that
 * leaves less is an overlay over the whole viewport, not a bar. (A bar that
 * covers more than half of a short viewport – a 200 px cookie banner at
 * 320 × 360 px, a phone held sideways or 200 % zoom – is still a bar.)
 */
const MIN_ROOM_PX = 48;

/** Focuses `target` and scrolls `reveal` (e.g. its label) into view, clear of the page's bars. */
export function focusInView(target: HTMLElement, reveal: Element = target): void {
  target.focus({ preventScroll: true });
  revealUnobscured(reveal);
}

/** Scrolls the page so that `element` is inside the viewport and not under a fixed or sticky bar. */
export function revealUnobscured(element: Element): void {
  if (pinnedAncestor(element)) return; // it moves with its bar: scrolling cannot help
  const box = element.getBoundingClientRect();
  if (box.width === 0 && box.height === 0) return;
  const x = Math.min(Math.max(box.left + Math.min(box.width, 40) / 2, 0), document.documentElement.clientWidth - 1);
  const top = coveredFromTop(x, element);
  const bottom = coveredFromBottom(x, element, top);
  let delta = 0;
  if (box.top < top + MARGIN_PX) delta = box.top - top - MARGIN_PX;
  else if (box.bottom > bottom - MARGIN_PX) delta = Math.min(box.bottom - bottom + MARGIN_PX, box.top - top - MARGIN_PX);
  if (delta !== 0) window.scrollBy({ top: delta, behavior: 'instant' });
}

/** Where the bars at the top of the viewport end (0 without one). */
function coveredFromTop(x: number, element: Element): number {
  let edge = 0;
  for (let i = 0; i < MAX_STACKED_BARS; i++) {
    const bar = barAt(x, edge + 1, element);
    if (!bar) break;
    const bottom = bar.getBoundingClientRect().bottom;
    if (bottom <= edge || bottom > document.documentElement.clientHeight - MIN_ROOM_PX) break;
    edge = bottom;
  }
  return edge;
}

/** Where the bars at the bottom of the viewport begin (the viewport's height without one). */
function coveredFromBottom(x: number, element: Element, coveredTop: number): number {
  let edge = document.documentElement.clientHeight;
  for (let i = 0; i < MAX_STACKED_BARS; i++) {
    const bar = barAt(x, edge - 1, element);
    if (!bar) break;
    const top = bar.getBoundingClientRect().top;
    if (top >= edge || top < coveredTop + MIN_ROOM_PX) break;
    edge = top;
  }
  return edge;
}

/** The fixed or sticky element painted at (x, y), unless it holds `element` itself. */
function barAt(x: number, y: number, element: Element): Element | undefined {
  const hit = document.elementFromPoint(x, y);
  if (!hit) return undefined;
  const bar = pinnedAncestor(hit);
  return bar && !composedContains(bar, element) ? bar : undefined;
}

/** The nearest ancestor (across shadow roots) that stays put while the page scrolls. */
function pinnedAncestor(start: Element): Element | undefined {
  for (let node: Element | null = start; node; node = parentAcrossShadow(node)) {
    const position = getComputedStyle(node).position;
    if (position === 'fixed' || position === 'sticky') return node;
  }
  return undefined;
}

function parentAcrossShadow(node: Element): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

function composedContains(ancestor: Element, node: Element): boolean {
  for (let current: Element | null = node; current; current = parentAcrossShadow(current)) {
    if (current === ancestor) return true;
  }
  return false;
}

/** The focused element, looking into shadow roots. */
export function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}
