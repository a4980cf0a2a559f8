// The parts of oidc-client-ts the session uses: importing them by name lets the
// bundler leave out UserManager, popups, iframes and session monitoring.
export { OidcClient, WebStorageStateStore } from 'oidc-client-ts';
