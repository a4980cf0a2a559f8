import { html, nothing, type TemplateResult } from 'lit';
import type { Role } from '../../api/types.js';
import { ADDRESS_FIELDS, type AddressField } from '../form-validation.js';
import { formatDigits } from '../kassenzeichen-format.js';
import { describeFieldProblem } from '../problem-text.js';
import { banner, errorSummary, heading, stepEnd, textField, type SummaryEntry } from './common.js';
import type { ViewContext } from './context.js';

export function renderChoice(ctx: ViewContext): TemplateResult {
  const { t } = ctx;
  return html`
    ${heading(ctx, t.choiceTitle)}
    <p>${t.choiceIntro}</p>
    <ul class="choices">
      <li>
        <button type="button" aria-describedby="choice-letter" @click=${() => ctx.go({ type: 'choose-letter' })}>${t.addButton}</button>
        <p class="hint" id="choice-letter">${t.choiceLetterHint}</p>
      </li>
      <li>
        <button type="button" aria-describedby="choice-code" @click=${() => ctx.go({ type: 'enter-code', from: 'choice' })}>${t.enterCodeButton}</button>
        <p class="hint" id="choice-code">${t.choiceCodeHint}</p>
      </li>
    </ul>
    <div class="actions"><button type="button" class="secondary" @click=${() => ctx.go({ type: 'back' })}>${t.back}</button></div>
  `;
}

export function renderAddressForm(ctx: ViewContext): TemplateResult {
  const { t, state } = ctx;
  const error = (field: AddressField) => {
    const problem = ctx.addressProblems[field];
    return problem ? describeFieldProblem(field, problem, t) : undefined;
  };
  const entries: SummaryEntry[] = [
    ...ADDRESS_FIELDS.flatMap((field) => (error(field) ? [{ fieldId: field, text: error(field)! }] : [])),
    ...ctx.otherProblems.map((text) => ({ text })),
  ];
  const example = formatDigits('150000000000', ctx.config.kassenzeichenFormat);
  return html`
    ${heading(ctx, t.formTitle)} ${errorSummary(ctx, entries)}
    <p>${t.formIntro}</p>
    <form novalidate part="form" @submit=${(e: SubmitEvent) => submit(e, ctx.submitAddress)} @input=${(e: Event) => ctx.editAddress(e.currentTarget as HTMLFormElement)}
      @change=${(e: Event) => formatOnLeave(e, ctx)}>
      ${textField({ id: 'kassenzeichen', name: 'kassenzeichen', label: t.labels.kassenzeichen, value: state.address.kassenzeichen, hint: t.kassenzeichenHint(example), error: error('kassenzeichen'), inputmode: 'numeric', autocomplete: 'off', size: 'short' })}
      ${textField({ id: 'street', name: 'street', label: t.labels.street, value: state.address.street, error: error('street'), autocomplete: 'address-line1' })}
      ${textField({ id: 'houseNumber', name: 'houseNumber', label: t.labels.houseNumber, value: state.address.houseNumber, error: error('houseNumber'), autocomplete: 'off', size: 'short' })}
      ${textField({ id: 'postalCode', name: 'postalCode', label: t.labels.postalCode, value: state.address.postalCode, error: error('postalCode'), autocomplete: 'postal-code', inputmode: 'numeric', size: 'short' })}
      <div class="actions">
        <button type="submit" part="submit-button">${t.next}</button>
        <button type="button" class="secondary" @click=${() => ctx.go({ type: 'back' })}>${t.back}</button>
      </div>
    </form>
  `;
}

export function renderCheck(ctx: ViewContext): TemplateResult {
  const { t, state } = ctx;
  return html`
    ${heading(ctx, t.checkTitle)}
    <dl class="summary" part="summary">
      ${ADDRESS_FIELDS.map((field) => html`<div><dt>${t.labels[field]}</dt><dd>${state.address[field]}</dd></div>`)}
    </dl>
    <div class="actions">
      <button type="button" @click=${() => ctx.go({ type: 'entries-confirmed' })}>${t.confirm}</button>
      <button type="button" class="secondary" @click=${() => ctx.go({ type: 'change' })}>${t.change}</button>
    </div>
  `;
}

export function renderRole(ctx: ViewContext): TemplateResult {
  const { t, state } = ctx;
  const problem = ctx.roleProblems.role ? t.errors.required.role : undefined;
  const radio = (role: Role, hintId?: string) => html`
    <div class="radio">
      <input type="radio" id="role-${role}" name="role" value=${role} required .checked=${state.role === role} aria-describedby=${hintId ?? nothing}
        @click=${(event: Event) => ctx.busy && event.preventDefault()} />
      <label for="role-${role}">${t.role[role]}</label>
    </div>
  `;
  return html`
    ${heading(ctx, t.roleTitle)} ${errorSummary(ctx, problem ? [{ fieldId: 'role-owner', text: problem }] : [])} ${banner(ctx)}
    <form novalidate part="form" aria-busy=${ctx.busy ? 'true' : 'false'} @submit=${(e: SubmitEvent) => submitRole(e, ctx)}>
      <fieldset class=${problem ? 'invalid' : ''} aria-describedby=${problem ? 'role-error' : nothing}>
        <legend>${t.roleLegend}</legend>
        ${problem ? html`<p class="error" id="role-error">${problem}</p>` : nothing}
        ${radio('owner')} ${radio('delivery_agent', 'role-hint')}
        <p class="hint radio-hint" id="role-hint">${t.roleDeliveryAgentHint}</p>
      </fieldset>
      ${stepEnd(t.ok, ctx)}
    </form>
  `;
}

export function renderLetterSent(ctx: ViewContext): TemplateResult {
  const { t } = ctx;
  return html`
    ${heading(ctx, t.letterTitle)}
    ${ctx.state.sentItem ? html`<p><strong>${ctx.state.sentItem.kassenzeichen}</strong></p>` : nothing}
    <p>${t.letterText}</p>
    <p>${t.letterNext}</p>
    <div class="actions"><button type="button" @click=${() => ctx.go({ type: 'finish' })}>${t.toOverview}</button></div>
  `;
}

function formatOnLeave(event: Event, ctx: ViewContext): void {
  const input = event.target as HTMLInputElement;
  if (input.name === 'kassenzeichen') ctx.formatKassenzeichen(input);
}

function submit(event: SubmitEvent, handler: (form: HTMLFormElement) => void): void {
  event.preventDefault();
  handler(event.currentTarget as HTMLFormElement);
}

function submitRole(event: SubmitEvent, ctx: ViewContext): void {
  event.preventDefault();
  const value = new FormData(event.currentTarget as HTMLFormElement).get('role');
  ctx.submitRole(value === 'owner' || value === 'delivery_agent' ? value : undefined);
}
