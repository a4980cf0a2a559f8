import { html, type TemplateResult } from 'lit';
import type { Messages } from '../i18n/messages.js';
import { busyAwareButton } from './busy-aware-button.js';

/**
 * The citizen's message when the sign-in service cannot be reached just now:
 * a plain sentence and „Erneut versuchen“ (busy, and keeping focus, while the
 * new attempt runs). The technical detail went to the console once.
 */
export function renderUnavailable(t: Messages['login'], retrying: boolean, retry: () => void): TemplateResult {
  return html`
    <div class="problem" part="error" role="alert" tabindex="-1">
      <p>${t.unavailable}</p>
      <div class="actions">${busyAwareButton(t.retry, retrying, retry, 'secondary')}</div>
    </div>
  `;
}
