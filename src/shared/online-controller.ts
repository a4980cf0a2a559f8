import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Whether the browser is online; re-renders the host and tells `onChange` when that changes. */
export class OnlineController implements ReactiveController {
  online = navigator.onLine;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onChange: (online: boolean) => void = () => undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.online = navigator.onLine;
    this.onChange(this.online);
    addEventListener('online', this.update);
    addEventListener('offline', this.update);
  }

  hostDisconnected(): void {
    removeEventListener('online', this.update);
    removeEventListener('offline', this.update);
  }

  private readonly update = () => {
    this.online = navigator.onLine;
    this.onChange(this.online);
    this.host.requestUpdate();
  };
}
