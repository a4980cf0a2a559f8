// Must not compile: „google“ is no provider.
import type {} from 'buergerportal-widgets/react';

export const wrong = <servicekonto-login authority="https://login.stadt.example" clientId="x" provider="google" />;
