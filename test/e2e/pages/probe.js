// A host page's own script: uses the shared session to call the backend,
// as a developer integrating another service would.
const login = document.getElementById('login');
const output = document.getElementById('probe');

async function callBackend() {
  const token = await login.session?.getAccessToken();
  if (!token) return;
  const response = await fetch('/api/account', { headers: { Authorization: `Bearer ${token}` } });
  const body = await response.json();
  output.textContent = response.ok ? `Konto von ${body.displayName}` : `Fehler ${response.status}`;
}

document.addEventListener('servicekonto-signed-in', () => void callBackend());
document.addEventListener('servicekonto-signed-out', () => {
  output.textContent = 'abgemeldet';
});

// Records, for the test, what the element showed between the click and the provider's page.
customElements.whenDefined('servicekonto-login').then(() => {
  const root = login.shadowRoot;
  new MutationObserver(() => {
    const button = root.querySelector('button[part="sign-in-button"]');
    if (button?.getAttribute('aria-disabled') === 'true' && root.textContent.includes('Sie werden zur Anmeldung weitergeleitet')) {
      sessionStorage.setItem('probe.redirecting', 'busy button, sentence shown');
    }
  }).observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
});
