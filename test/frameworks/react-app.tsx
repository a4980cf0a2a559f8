// React 19: both elements with attributes, properties and events, type-checked;
// test/e2e/server-rendering.e2e renders it on the server and hydrates it.
import { useEffect, useRef, useState, type RefObject } from 'react';
import type {} from 'buergerportal-widgets/react';
import type { KassenzeichenChangedEvent, LoginState, ServicekontoLogin, ServicekontoSignedInEvent } from 'buergerportal-widgets';

/**
 * Where the sign-in stands, also in a server-rendered page: React 19 attaches
 * no `on…` listener of a custom element while hydrating (facebook/react#35446),
 * so subscribe in an effect, then read `state` once the element is defined.
 */
function useLoginState(login: RefObject<ServicekontoLogin | null>): LoginState | undefined {
  const [state, setState] = useState<LoginState>();
  useEffect(() => {
    const element = login.current;
    if (!element) return;
    const update = () => setState(element.state);
    element.addEventListener('servicekonto-state-changed', update);
    void customElements.whenDefined('servicekonto-login').then(update);
    return () => element.removeEventListener('servicekonto-state-changed', update);
  }, [login]);
  return state;
}

export function App() {
  const login = useRef<ServicekontoLogin>(null);
  const state = useLoginState(login);
  const signedIn = (event: ServicekontoSignedInEvent) => console.log(event.detail.provider);
  const changed = (event: KassenzeichenChangedEvent) => console.log(event.detail.confirmed, event.detail.pending);
  return (
    <>
      <servicekonto-login
        ref={login}
        id="login"
        authority="https://login.stadt.example/realms/buergerportal"
        clientId="buergerportal"
        provider="bundid"
        tokenStorage="memory"
        idleTimeout={900}
        compact
        onservicekonto-signed-in={signedIn}
      />
      <p id="login-state">{state === 'signed-in' ? 'Angemeldet' : state === 'signed-out' ? 'Nicht angemeldet' : ''}</p>
      <kassenzeichen-manager login="login" backendUrl="/api" headingLevel={3} onkassenzeichen-changed={changed} />
    </>
  );
}
