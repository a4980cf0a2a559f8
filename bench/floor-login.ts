// The floor the bench compares against: the least a developer would write –
// a Lit element with a sign-in button and oidc-client-ts's UserManager.
import { html, LitElement } from 'lit';
import { UserManager } from 'oidc-client-ts';

class FloorLogin extends LitElement {
  static override properties = { authority: {}, clientId: { attribute: 'client-id' } };
  authority = '';
  clientId = '';
  private manager?: UserManager;

  override connectedCallback(): void {
    super.connectedCallback();
    this.manager = new UserManager({
      authority: this.getAttribute('authority') ?? '',
      client_id: this.getAttribute('client-id') ?? '',
      redirect_uri: location.href,
    });
  }

  override render() {
    return html`<button @click=${() => void this.manager?.signinRedirect()}>Zum Servicekonto.NRW</button>`;
  }
}

customElements.define('floor-login', FloorLogin);
