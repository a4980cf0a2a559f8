import { html, nothing, type TemplateResult } from 'lit';
import type { Item } from '../../api/types.js';
import type { FlowEvent } from '../flow.js';
import { busyAwareButton } from '../../shared/busy-aware-button.js';
import { banner, formatDate, heading, submitButton } from './common.js';
import type { ViewContext } from './context.js';

export function renderSignedOut(ctx: ViewContext, expired: boolean): TemplateResult {
  return html`
    ${heading(ctx, ctx.t.title)}
    ${expired ? html`<p class="notice" part="notice">${ctx.t.sessionExpired}</p>` : nothing}
    <p>${ctx.t.signInIntro}</p>
    <div class="actions">
      ${busyAwareButton(ctx.signInLabel, ctx.redirecting, ctx.signIn, 'primary', { part: 'sign-in-button' })}
    </div>
    ${ctx.redirecting ? html`<p class="busy" part="busy">${ctx.signingIn}</p>` : nothing}
  `;
}

export function renderLoading(ctx: ViewContext): TemplateResult {
  return html`${heading(ctx, ctx.t.title)}<p class="busy" aria-busy="true"><span class="spinner" aria-hidden="true"></span>${ctx.t.loading}</p>`;
}

export function renderLoadFailed(ctx: ViewContext): TemplateResult {
  return html`${heading(ctx, ctx.t.title)}
    <p>${ctx.t.loadFailed}</p>
    ${banner(ctx)}`;
}

export function renderConsent(ctx: ViewContext): TemplateResult {
  return html`
    ${heading(ctx, ctx.t.consentTitle)} ${banner(ctx)}
    <div class="consent-text" part="consent-text"><slot name="consent-text"><p>${ctx.t.consentDefault}</p></slot></div>
    <div class="actions">
      ${submitButton(ctx.t.agree, ctx, ctx.agree)}
      ${busyAwareButton(ctx.t.decline, ctx.busy, () => ctx.go({ type: 'consent-declined' }), 'secondary')}
    </div>
  `;
}

export function renderDeclined(ctx: ViewContext): TemplateResult {
  return html`
    ${heading(ctx, ctx.t.declinedTitle)}
    <p>${ctx.t.declinedText}</p>
    <div class="actions">
      <button type="button" @click=${() => ctx.go({ type: 'reconsider' })}>${ctx.t.reconsider}</button>
      <button type="button" class="secondary" @click=${ctx.signOut}>${ctx.t.signOut}</button>
    </div>
  `;
}

export function renderOverview(ctx: ViewContext): TemplateResult {
  const { t, items } = ctx;
  return html`
    ${heading(ctx, t.title)} ${banner(ctx)}
    ${items.length === 0
      ? html`<p>${t.overviewEmpty}</p>`
      : html`<ul class="items" part="list" aria-label=${t.overviewListLabel}>
          ${items.map((item) => renderItem(ctx, item))}
        </ul>`}
    <p class="hint">${t.overviewSeveralObjects}</p>
    <div class="actions">
      <button type="button" part="add-button" @click=${() => ctx.go({ type: 'add' })}>${t.addButton}</button>
    </div>
  `;
}

function renderItem(ctx: ViewContext, item: Item): TemplateResult {
  const { t, lang } = ctx;
  const address = t.address(item.address);
  const pending = item.status === 'pending';
  // Repeated buttons name their Kassenzeichen, the visible word first (WCAG 2.5.3).
  const action = (label: string, event: FlowEvent, kind: 'primary' | 'secondary' = 'secondary') => html`<button type="button"
    class=${kind === 'secondary' ? 'secondary' : ''} aria-label=${t.itemAction(label, item.kassenzeichen)} @click=${() => ctx.go(event)}>${label}</button>`;
  return html`
    <li class="item ${item.status}" part="item">
      <p class="item-title"><strong>${item.kassenzeichen}</strong></p>
      <p>${address}<br />${t.role[item.role]} · ${pending ? t.statusPending(formatDate(item.requestedAt, lang)) : t.statusConfirmed}</p>
      <div class="actions">
        ${pending
          ? html`
              ${action(t.enterCodeButton, { type: 'enter-code', itemId: item.id, from: 'overview' }, 'primary')}
              ${action(t.newCodeButton, { type: 'ask-new-letter', itemId: item.id })}
              ${action(t.withdrawButton, { type: 'ask-remove', itemId: item.id })}
            `
          : action(t.removeButton, { type: 'ask-remove', itemId: item.id })}
      </div>
    </li>
  `;
}
