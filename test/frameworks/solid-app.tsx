/** @jsxImportSource solid-js */
import type {} from 'buergerportal-widgets/solid';
import type { KassenzeichenConfirmedEvent } from 'buergerportal-widgets';

export const app = (
  <div>
    <servicekonto-login authority="https://login.stadt.example" clientId="x" prop:provider="bundid" />
    <kassenzeichen-manager backendUrl="/api" on:kassenzeichen-confirmed={(event: KassenzeichenConfirmedEvent) => event.detail.autoLinked} />
  </div>
);
