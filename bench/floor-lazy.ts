// The lazy floor: the floor built the way this project builds – a Lit element
// whose button comes first, with oidc-client-ts imported only on the click.
import { html, LitElement } from 'lit';

class FloorLogin extends LitElement {
  override render() {
    return html`<button @click=${() => void this.signIn()}>Zum Servicekonto.NRW</button>`;
  }

  private async signIn(): Promise<void> {
    const { UserManager } = await import('oidc-client-ts');
    const manager = new UserManager({
      authority: this.getAttribute('authority') ?? '',
      client_id: this.getAttribute('client-id') ?? '',
      redirect_uri: location.href,
    });
    await manager.signinRedirect();
  }
}

customElements.define('floor-login', FloorLogin);
