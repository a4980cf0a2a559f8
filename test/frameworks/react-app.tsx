// React 19: both elements with attributes, properties and events, type-checked.
import type {} from 'buergerportal-widgets/react';
import type { KassenzeichenChangedEvent, ServicekontoSignedInEvent } from 'buergerportal-widgets';

export function App() {
  const signedIn = (event: ServicekontoSignedInEvent) => console.log(event.detail.provider);
  const changed = (event: KassenzeichenChangedEvent) => console.log(event.detail.confirmed, event.detail.pending);
  return (
    <>
      <servicekonto-login
        id="login"
        authority="https://login.stadt.example/realms/buergerportal"
        clientId="buergerportal"
        provider="bundid"
        tokenStorage="memory"
        idleTimeout={900}
        compact
        onservicekonto-signed-in={signedIn}
      />
      <kassenzeichen-manager login="login" backendUrl="/api" headingLevel={3} onkassenzeichen-changed={changed} />
    </>
  );
}
