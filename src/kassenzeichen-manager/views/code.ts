import { html, nothing, type TemplateResult } from 'lit';
import { codeTarget } from '../flow.js';
import { telHref } from '../manager-config.js';
import { describeFieldProblem } from '../problem-text.js';
import { banner, errorSummary, heading, stepEnd, textField, type SummaryEntry } from './common.js';
import type { ViewContext } from './context.js';

export function renderCode(ctx: ViewContext): TemplateResult {
  const { t, state, items } = ctx;
  const pending = items.filter((item) => item.status === 'pending');
  if (pending.length === 0) {
    return html`${heading(ctx, t.codeTitle)}
      <p>${t.noPending}</p>
      <div class="actions"><button type="button" @click=${() => ctx.go({ type: 'choose-letter' })}>${t.addButton}</button>
        <button type="button" class="secondary" @click=${() => ctx.go({ type: 'back' })}>${t.back}</button></div>`;
  }
  const target = codeTarget(state, items);
  const codeError = ctx.codeProblems.code ? describeFieldProblem('code', ctx.codeProblems.code, t) : undefined;
  const forError = ctx.codeProblems.codeFor ? t.errors.required.codeFor : undefined;
  const entries: SummaryEntry[] = [
    ...(forError ? [{ fieldId: `code-for-${pending[0].id}`, text: forError }] : []),
    ...(codeError ? [{ fieldId: 'code', text: codeError }] : []),
  ];
  const locked = ctx.lockedUntil !== undefined && ctx.lockedUntil > Date.now();
  return html`
    ${heading(ctx, t.codeTitle)} ${errorSummary(ctx, entries)} ${banner(ctx)}
    <form novalidate part="form" aria-busy=${ctx.busy ? 'true' : 'false'}
      @submit=${(e: SubmitEvent) => { e.preventDefault(); ctx.submitCode(e.currentTarget as HTMLFormElement); }}
      @input=${(e: Event) => ctx.editCode(e.currentTarget as HTMLFormElement)}>
      ${pending.length === 1
        ? html`<p>${t.labels.codeFor} <strong>${pending[0].kassenzeichen}</strong></p><input type="hidden" name="itemId" value=${pending[0].id} />`
        : html`<fieldset class=${forError ? 'invalid' : ''}>
            <legend>${t.labels.codeFor}</legend>
            ${forError ? html`<p class="error" id="code-for-error">${forError}</p>` : nothing}
            ${pending.map((item) => html`<div class="radio">
              <input type="radio" id="code-for-${item.id}" name="itemId" value=${item.id} required .checked=${target?.id === item.id}
                aria-describedby=${forError ? 'code-for-error' : nothing} />
              <label for="code-for-${item.id}">${item.kassenzeichen} (${t.address(item.address)})</label>
            </div>`)}
          </fieldset>`}
      ${textField({ id: 'code', name: 'code', label: t.labels.code, value: state.code, hint: t.codeHint, error: codeError, autocomplete: 'one-time-code', size: 'short', disabled: locked })}
      ${stepEnd(t.ok, ctx, { locked })}
    </form>
  `;
}

export function renderDone(ctx: ViewContext): TemplateResult {
  const { t } = ctx;
  const autoLinked = ctx.state.result?.autoLinked ?? [];
  return html`
    ${heading(ctx, t.doneTitle)}
    ${ctx.state.result ? html`<p><strong>${ctx.state.result.confirmed.kassenzeichen}</strong></p>` : nothing}
    ${autoLinked.length > 0
      ? html`<p>${t.doneAutoLinked}</p>
          <ul class="auto-linked" part="list">
            ${autoLinked.map((item) => html`<li><strong>${item.kassenzeichen}</strong> – ${t.address(item.address)}</li>`)}
          </ul>`
      : html`<p>${t.doneNoAutoLinked}</p>`}
    <p>${t.donePhone} <a part="phone-link" href=${telHref(ctx.config.supportPhone)}>${ctx.config.supportPhone}</a></p>
    <div class="actions"><button type="button" @click=${() => ctx.go({ type: 'finish' })}>${t.finish}</button></div>
  `;
}

export function renderConfirmLetter(ctx: ViewContext): TemplateResult {
  const { t } = ctx;
  const item = ctx.items.find((candidate) => candidate.id === ctx.state.targetId);
  return html`
    ${heading(ctx, t.confirmLetterTitle)} ${banner(ctx)}
    ${item ? html`<p><strong>${item.kassenzeichen}</strong></p>` : nothing}
    <p>${t.confirmLetterText}</p>
    ${stepEnd(t.newCodeButton, ctx, { run: ctx.requestNewLetter, backLabel: t.cancel })}
  `;
}

export function renderConfirmRemove(ctx: ViewContext): TemplateResult {
  const { t } = ctx;
  const item = ctx.items.find((candidate) => candidate.id === ctx.state.targetId);
  const pending = item?.status === 'pending';
  return html`
    ${heading(ctx, pending ? t.confirmWithdrawTitle : t.confirmRemoveTitle)} ${banner(ctx)}
    ${item ? html`<p><strong>${item.kassenzeichen}</strong></p>` : nothing}
    <p>${pending ? t.confirmWithdrawText : t.confirmRemoveText}</p>
    ${stepEnd(pending ? t.withdrawButton : t.removeButton, ctx, { run: ctx.remove, backLabel: t.cancel })}
  `;
}
