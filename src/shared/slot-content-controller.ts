import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A link the page gave the element, as data. */
export interface ServiceLink {
  href: string;
  text: string;
}

/**
 * The links the page gave for a named slot (e.g. `<ul slot="services">`),
 * kept current when a CMS changes them (the host re-renders). The element
 * draws them itself, so that they follow its colours, focus ring and target
 * size on any background; the page's own list stays unrendered. Only http(s)
 * and relative addresses are taken.
 */
export class SlotLinksController implements ReactiveController {
  private observer?: MutationObserver;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly slot: string,
  ) {
    host.addController(this);
  }

  get links(): ServiceLink[] {
    const containers = [...this.host.children].filter((child) => child.getAttribute('slot') === this.slot);
    return containers
      .flatMap((container) => (container.matches('a[href]') ? [container] : [...container.querySelectorAll('a[href]')]))
      .map((anchor) => ({
        href: safeHref(anchor.getAttribute('href') ?? ''),
        text: (anchor.textContent ?? '').replace(/\s+/g, ' ').trim(),
      }))
      .filter((link): link is ServiceLink => !!link.href && !!link.text);
  }

  hostConnected(): void {
    this.observer = new MutationObserver(() => this.host.requestUpdate());
    this.observer.observe(this.host, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['href', 'slot'],
    });
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }
}

function safeHref(href: string): string | undefined {
  try {
    const url = new URL(href, document.baseURI);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
