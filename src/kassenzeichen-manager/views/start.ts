import { busyAwareButton, html, nothing } from '../from-main.js';
import type { TemplateResult } from 'lit';
import type { Item } from '../../api/types.js';
import type { CitizenEvent } from '../flow/events.js';
import { isBusy, OVERVIEW_PAGE, SEARCH_FROM, visibleItems } from '../flow/state.js';
import { banner, entriesKept, formatDate, heading, notice, services, submitButton } from './common.js';
import type { ViewProps } from './props.js';

export function renderSignedOut(p: ViewProps): TemplateResult {
  const { state, messages, config, actions } = p;
  const t = messages.manager;
  const expired = state.signedOutBecause === 'expired';
  return html`
    ${heading(config, t.title)} ${notice(expired && t.sessionExpired + entriesKept(p))} ${notice(!state.redirecting && p.signInNote)}
    <p>${t.signInIntro}</p>
    <div class="actions">
      ${busyAwareButton(messages.login.signInButton[p.provider], state.redirecting, actions.signIn, 'primary', {
        part: 'sign-in-button',
        onIntent: actions.prepareSignIn,
      })}
    </div>
    ${state.redirecting ? html`<p class="busy" part="busy">${messages.login.signingIn}</p>` : nothing}
  `;
}

export function renderLoading({ config, messages }: ViewProps): TemplateResult {
  const t = messages.manager;
  return html`${heading(config, t.title)}
    <p class="busy" aria-busy="true"><span class="spinner" aria-hidden="true"></span>${t.loading}</p>`;
}

export function renderLoadFailed(p: ViewProps): TemplateResult {
  const t = p.messages.manager;
  return html`${heading(p.config, t.title)}
    <p>${t.loadFailed}</p>
    ${banner(p)}`;
}

export function renderConsent(p: ViewProps): TemplateResult {
  const { config, messages, actions, state } = p;
  const t = messages.manager;
  return html`
    ${heading(config, t.consentTitle)} ${banner(p)}
    <div class="consent-text" part="consent-text">
      <slot name="consent-text"><p>${t.consentDefault}</p></slot>
    </div>
    <div class="actions">
      ${submitButton(t.agree, p, () => actions.dispatch({ type: 'agree' }))}
      ${busyAwareButton(t.decline, isBusy(state), () => actions.dispatch({ type: 'consent-declined' }), 'secondary')}
    </div>
  `;
}

export function renderDeclined({ config, messages, actions }: ViewProps): TemplateResult {
  const t = messages.manager;
  return html`
    ${heading(config, t.declinedTitle)}
    <p>${t.declinedText}</p>
    <div class="actions">
      <button type="button" @click=${() => actions.dispatch({ type: 'reconsider' })}>${t.reconsider}</button>
      <button type="button" class="secondary" @click=${actions.signOut}>${t.signOut}</button>
    </div>
  `;
}

export function renderOverview(p: ViewProps): TemplateResult {
  const { state, config, messages, actions } = p;
  const t = messages.manager;
  return html`
    ${heading(config, t.title)} ${banner(p)} ${state.items.length === 0 ? html`<p>${t.overviewEmpty}</p>` : renderList(p)}
    <p class="hint">${t.overviewSeveralObjects}</p>
    <div class="actions">
      <button type="button" part="add-button" @click=${() => actions.dispatch({ type: 'add' })}>${t.addButton}</button>
    </div>
    ${services(p)}
  `;
}

/**
 * The list: all of a few Kassenzeichen; for a property manager's many, a
 * search and the first ones with „Weitere anzeigen“, so that the page stays
 * short and quick (at most a few dozen items are ever rendered).
 */
function renderList(p: ViewProps): TemplateResult {
  const { state, messages, actions } = p;
  const t = messages.manager;
  const many = state.items.length > SEARCH_FROM;
  const { shown, matching } = visibleItems(state);
  const search = html`<div class="field search" part="field">
      <label for="overview-search">${t.searchLabel}</label>
      <input
        id="overview-search"
        type="search"
        .value=${state.overviewQuery}
        autocomplete="off"
        aria-describedby="overview-count"
        @input=${(event: Event) => actions.dispatch({ type: 'search', query: (event.target as HTMLInputElement).value })}
      />
    </div>
    <p id="overview-count" class="hint" role="status">${matching === 0 ? t.noMatch : t.shownCount(shown.length, matching)}</p>`;
  return html`
    ${many ? search : nothing}
    <ul class="items" part="list" aria-label=${t.overviewListLabel}>
      ${shown.map((item, index) => renderItem(p, item, index > 0 && index === state.overviewLimit - OVERVIEW_PAGE))}
    </ul>
    ${shown.length < matching ? html`<div class="actions"><button type="button" class="secondary" @click=${() => actions.dispatch({ type: 'show-more' })}>${t.showMore}</button></div>` : nothing}
  `;
}

/** `firstNew`: the first item „Weitere anzeigen“ added; focus goes to it. */
function renderItem({ messages, lang, actions }: ViewProps, item: Item, firstNew = false): TemplateResult {
  const t = messages.manager;
  const pending = item.status === 'pending';
  // Repeated buttons name their Kassenzeichen, the visible word first (WCAG 2.5.3).
  const action = (label: string, event: CitizenEvent, kind: 'primary' | 'secondary' = 'secondary') =>
    html`<button
      type="button"
      class=${kind === 'secondary' ? 'secondary' : ''}
      aria-label=${t.itemAction(label, item.kassenzeichen)}
      @click=${() => actions.dispatch(event)}
    >
      ${label}
    </button>`;
  return html`
    <li class="item ${item.status} ${firstNew ? 'first-new' : ''}" part="item">
      <p class="item-title" tabindex="-1"><strong>${item.kassenzeichen}</strong></p>
      <p>
        ${t.address(item.address)}<br />${t.role[item.role]} ·
        ${pending ? t.statusPending(formatDate(item.requestedAt, lang)) : t.statusConfirmed}
      </p>
      <div class="actions">
        ${
          pending
            ? html`
                ${action(t.enterCodeButton, { type: 'enter-code', itemId: item.id, from: 'overview' }, 'primary')}
                ${action(t.newCodeButton, { type: 'ask-new-letter', itemId: item.id })}
                ${action(t.withdrawButton, { type: 'ask-remove', itemId: item.id })}
              `
            : action(t.removeButton, { type: 'ask-remove', itemId: item.id })
        }
      </div>
    </li>
  `;
}
