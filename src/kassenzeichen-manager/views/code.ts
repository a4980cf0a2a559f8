import { html, nothing, telHref } from '../from-main.js';
import type { TemplateResult } from 'lit';
import { codeTarget, isBusy, isLocked } from '../flow/state.js';
import { readCode } from '../form-data.js';
import { describeFieldProblem } from '../problem-text.js';
import { banner, errorSummary, heading, services, stepEnd, textField, type SummaryEntry } from './common.js';
import type { ViewProps } from './props.js';

export function renderCode(p: ViewProps): TemplateResult {
  const { state, config, messages, actions } = p;
  const t = messages.manager;
  const pending = state.items.filter((item) => item.status === 'pending');
  if (pending.length === 0) {
    return html`${heading(config, t.codeTitle)}
      <p>${t.noPending}</p>
      <div class="actions">
        <button type="button" @click=${() => actions.dispatch({ type: 'choose-letter' })}>${t.addButton}</button>
        <button type="button" class="secondary" @click=${() => actions.dispatch({ type: 'back' })}>${t.back}</button>
      </div>`;
  }
  const target = codeTarget(state);
  const codeError = state.problems.code.code ? describeFieldProblem('code', state.problems.code.code, t) : undefined;
  const forError = state.problems.code.codeFor ? t.errors.required.codeFor : undefined;
  const entries: SummaryEntry[] = [
    ...(forError ? [{ fieldId: `code-for-${pending[0].id}`, text: forError }] : []),
    ...(codeError ? [{ fieldId: 'code', ...codeError }] : []),
  ];
  const locked = isLocked(state, Date.now());
  const read = (event: Event) => readCode(event.currentTarget as HTMLFormElement);
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    actions.dispatch({ type: 'code-submitted', ...read(event) });
  };
  return html`
    ${heading(config, t.codeTitle)} ${errorSummary(p, entries)} ${banner(p)}
    <form
      novalidate
      part="form"
      aria-busy=${isBusy(state) ? 'true' : 'false'}
      @submit=${onSubmit}
      @input=${(event: Event) => actions.dispatch({ type: 'code-typed', ...read(event) })}
    >
      ${
        pending.length === 1
          ? html`<p>${t.labels.codeFor} <strong>${pending[0].kassenzeichen}</strong></p>
              <input type="hidden" name="itemId" value=${pending[0].id} />`
          : html`<fieldset class=${forError ? 'invalid' : ''}>
              <legend>${t.labels.codeFor}</legend>
              ${forError ? html`<p class="error" id="code-for-error">${forError}</p>` : nothing}
              ${pending.map(
                (item) =>
                  html`<div class="radio">
                    <input
                      type="radio"
                      id="code-for-${item.id}"
                      name="itemId"
                      value=${item.id}
                      required
                      .checked=${target?.id === item.id}
                      aria-invalid=${forError ? 'true' : 'false'}
                      aria-describedby=${forError ? 'code-for-error' : nothing}
                    />
                    <label for="code-for-${item.id}">${item.kassenzeichen} (${t.address(item.address)})</label>
                  </div>`,
              )}
            </fieldset>`
      }
      ${textField({ id: 'code', name: 'code', label: t.labels.code, value: state.code, hint: t.codeHint, error: codeError, autocomplete: 'one-time-code', size: 'short', disabled: locked })}
      ${stepEnd(t.ok, p, { locked })}
    </form>
  `;
}

export function renderDone(p: ViewProps): TemplateResult {
  const { state, config, messages, actions } = p;
  const t = messages.manager;
  const autoLinked = state.result?.autoLinked ?? [];
  return html`
    ${heading(config, t.doneTitle)} ${state.result ? html`<p><strong>${state.result.confirmed.kassenzeichen}</strong></p>` : nothing}
    ${
      autoLinked.length > 0
        ? html`<p>${t.doneAutoLinked}</p>
            <ul class="auto-linked" part="list">
              ${autoLinked.map((item) => html`<li><strong>${item.kassenzeichen}</strong> – ${t.address(item.address)}</li>`)}
            </ul>`
        : nothing
    }
    <p>${t.donePhone} <a part="phone-link" href=${telHref(config.supportPhone)}>${config.supportPhone}</a></p>
    <p>${t.doneStart}</p>
    ${services(p)}
    <div class="actions"><button type="button" @click=${() => actions.dispatch({ type: 'finish' })}>${t.finish}</button></div>
  `;
}

export function renderConfirmLetter(p: ViewProps): TemplateResult {
  const { state, config, messages, actions } = p;
  const t = messages.manager;
  const item = state.items.find((candidate) => candidate.id === state.targetId);
  return html`
    ${heading(config, t.confirmLetterTitle)} ${banner(p)} ${item ? html`<p><strong>${item.kassenzeichen}</strong></p>` : nothing}
    <p>${t.confirmLetterText}</p>
    ${stepEnd(t.newCodeButton, p, { run: () => actions.dispatch({ type: 'new-letter-confirmed' }), backLabel: t.cancel })}
  `;
}

export function renderConfirmRemove(p: ViewProps): TemplateResult {
  const { state, config, messages, actions } = p;
  const t = messages.manager;
  const item = state.items.find((candidate) => candidate.id === state.targetId);
  const pending = item?.status === 'pending';
  return html`
    ${heading(config, pending ? t.confirmWithdrawTitle : t.confirmRemoveTitle)} ${banner(p)}
    ${item ? html`<p><strong>${item.kassenzeichen}</strong></p>` : nothing}
    <p>${pending ? t.confirmWithdrawText : t.confirmRemoveText}</p>
    ${stepEnd(pending ? t.withdrawButton : t.removeButton, p, { run: () => actions.dispatch({ type: 'remove-confirmed' }), backLabel: t.cancel })}
  `;
}
