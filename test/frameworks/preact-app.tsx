/** @jsxImportSource preact */
import type {} from 'buergerportal-widgets/preact';
import type { ServicekontoErrorEvent } from 'buergerportal-widgets';

export const app = (
  <div>
    <servicekonto-login
      authority="https://login.stadt.example"
      clientId="x"
      provider="servicekonto-nrw"
      onservicekonto-error={(event: ServicekontoErrorEvent) => event.detail.code}
    />
    <kassenzeichen-manager backendUrl="/api" headingLevel={2} />
  </div>
);
