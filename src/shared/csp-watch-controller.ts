import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface BlockedByPolicy {
  directive: string;
  origin: string;
}

/**
 * Notices when the page's Content-Security-Policy blocks one of the element's
 * services (identity provider, backend), so the element can tell the web
 * editor which directive to extend instead of failing silently.
 */
export class CspWatchController implements ReactiveController {
  blocked?: BlockedByPolicy;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly origins: () => readonly string[],
    private readonly onBlocked: (blocked: BlockedByPolicy) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('securitypolicyviolation', this.check);
  }

  hostDisconnected(): void {
    document.removeEventListener('securitypolicyviolation', this.check);
  }

  private readonly check = (event: SecurityPolicyViolationEvent) => {
    let origin: string;
    try {
      origin = new URL(event.blockedURI).origin;
    } catch {
      return;
    }
    if (this.blocked || !this.origins().includes(origin)) return;
    this.blocked = { directive: event.effectiveDirective, origin };
    this.onBlocked(this.blocked);
    this.host.requestUpdate();
  };
}
