import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Whether the browser is online; re-renders the host when that changes. */
export class OnlineController implements ReactiveController {
  online = navigator.onLine;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.online = navigator.onLine;
    addEventListener('online', this.update);
    addEventListener('offline', this.update);
  }

  hostDisconnected(): void {
    removeEventListener('online', this.update);
    removeEventListener('offline', this.update);
  }

  private readonly update = () => {
    this.online = navigator.onLine;
    this.host.requestUpdate();
  };
}
