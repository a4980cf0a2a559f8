import { html, nothing, type TemplateResult } from 'lit';
import type { Item } from '../../api/types.js';
import { banner, formatDate, heading, submitButton } from './common.js';
import type { ViewContext } from './context.js';

export function renderSignedOut(ctx: ViewContext, expired: boolean): TemplateResult {
  return html`
    ${heading(ctx.t.title)}
    ${expired ? html`<p class="notice" part="notice">${ctx.t.sessionExpired}</p>` : nothing}
    <p>${ctx.t.signInIntro}</p>
    <div class="actions">
      <button type="button" part="sign-in-button" ?disabled=${ctx.redirecting} @click=${ctx.signIn}>${ctx.signInLabel}</button>
    </div>
    ${ctx.redirecting ? html`<p class="busy" part="busy">${ctx.signingIn}</p>` : nothing}
  `;
}

export function renderLoading(ctx: ViewContext): TemplateResult {
  return html`${heading(ctx.t.title)}<p class="busy" aria-busy="true"><span class="spinner" aria-hidden="true"></span>${ctx.t.loading}</p>`;
}

export function renderLoadFailed(ctx: ViewContext): TemplateResult {
  return html`${heading(ctx.t.title)}
    <p>${ctx.t.loadFailed}</p>
    ${banner(ctx)}`;
}

export function renderConsent(ctx: ViewContext): TemplateResult {
  return html`
    ${heading(ctx.t.consentTitle)} ${banner(ctx)}
    <div class="consent-text" part="consent-text"><slot name="consent-text"><p>${ctx.t.consentDefault}</p></slot></div>
    <div class="actions">
      ${submitButton(ctx.t.agree, ctx, ctx.agree)}
      <button type="button" class="secondary" ?disabled=${ctx.busy} @click=${() => ctx.go({ type: 'consent-declined' })}>${ctx.t.decline}</button>
    </div>
  `;
}

export function renderDeclined(ctx: ViewContext): TemplateResult {
  return html`
    ${heading(ctx.t.declinedTitle)}
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
    ${heading(t.title)} ${banner(ctx)}
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
  const labelId = `item-${item.id.replace(/[^\w-]/g, '_')}`;
  const address = `${item.address.street} ${item.address.houseNumber}, ${item.address.postalCode} ${item.address.city}`;
  const pending = item.status === 'pending';
  return html`
    <li class="item ${item.status}" part="item">
      <p class="item-title" id=${labelId}><strong>${item.kassenzeichen}</strong></p>
      <p>${address}<br />${t.role[item.role]} · ${pending ? t.statusPending(formatDate(item.requestedAt, lang)) : t.statusConfirmed}</p>
      <div class="actions">
        ${pending
          ? html`
              <button type="button" aria-describedby=${labelId} @click=${() => ctx.go({ type: 'enter-code', itemId: item.id, from: 'overview' })}>
                ${t.enterCodeButton}
              </button>
              <button type="button" class="secondary" aria-describedby=${labelId} @click=${() => ctx.go({ type: 'ask-new-letter', itemId: item.id })}>
                ${t.newCodeButton}
              </button>
              <button type="button" class="secondary" aria-describedby=${labelId} @click=${() => ctx.go({ type: 'ask-remove', itemId: item.id })}>
                ${t.withdrawButton}
              </button>
            `
          : html`<button type="button" class="secondary" aria-describedby=${labelId} @click=${() => ctx.go({ type: 'ask-remove', itemId: item.id })}>
              ${t.removeButton}
            </button>`}
      </div>
    </li>
  `;
}
