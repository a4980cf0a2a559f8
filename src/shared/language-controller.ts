import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { languageOf, messagesFor, onTextsChanged, type Messages } from '../i18n/localize.js';

/**
 * The language of an element and its texts, made fresh at every render: a
 * change of `lang` on the page or the element, a catalog that arrives, or a
 * city's own texts switch everything on screen, messages included.
 */
export class LanguageController implements ReactiveController {
  private stop?: () => void;
  private observer?: MutationObserver;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /** The BCP 47 tag that applies to the element. */
  get lang(): string {
    return languageOf(this.host);
  }

  get messages(): Messages {
    return messagesFor(this.lang);
  }

  hostConnected(): void {
    this.stop = onTextsChanged(() => this.host.requestUpdate());
    // `lang` may change on any ancestor (a language switcher on the page).
    this.observer = new MutationObserver(() => this.host.requestUpdate());
    this.observer.observe(this.host.ownerDocument.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }

  hostDisconnected(): void {
    this.stop?.();
    this.observer?.disconnect();
  }
}
