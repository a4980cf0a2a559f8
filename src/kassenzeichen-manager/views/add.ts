import { displayKassenzeichen, formatDigits, html, nothing } from '../from-main.js';
import type { TemplateResult } from 'lit';
import type { Role } from '../../api/types.js';
import { isBusy } from '../flow/state.js';
import { readAddress } from '../form-data.js';
import { ADDRESS_FIELDS, type AddressField } from '../form-validation.js';
import { describeFieldProblem } from '../problem-text.js';
import { banner, errorSummary, heading, stepEnd, textField, type FieldOptions, type SummaryEntry } from './common.js';
import type { ViewProps } from './props.js';

export function renderChoice({ config, messages, actions }: ViewProps): TemplateResult {
  const t = messages.manager;
  return html`
    ${heading(config, t.choiceTitle)}
    <p>${t.choiceIntro}</p>
    <ul class="choices">
      <li>
        <button type="button" aria-describedby="choice-letter" @click=${() => actions.dispatch({ type: 'choose-letter' })}>
          ${t.addButton}
        </button>
        <p class="hint" id="choice-letter">${t.choiceLetterHint}</p>
      </li>
      <li>
        <button type="button" aria-describedby="choice-code" @click=${() => actions.dispatch({ type: 'enter-code', from: 'choice' })}>
          ${t.enterCodeButton}
        </button>
        <p class="hint" id="choice-code">${t.choiceCodeHint}</p>
      </li>
    </ul>
    <div class="actions"><button type="button" class="secondary" @click=${() => actions.dispatch({ type: 'back' })}>${t.back}</button></div>
  `;
}

export function renderAddressForm(p: ViewProps): TemplateResult {
  const { state, config, messages, actions } = p;
  const t = messages.manager;
  const error = (field: AddressField) => {
    const problem = state.problems.address[field];
    return problem ? describeFieldProblem(field, problem, t) : undefined;
  };
  const entries: SummaryEntry[] = [
    ...ADDRESS_FIELDS.flatMap((field) => (error(field) ? [{ fieldId: field, ...error(field)! }] : [])),
    ...state.problems.other.map(({ detail, lang }) => ({ text: t.errors.serverFormat, addition: detail, additionLang: lang })),
  ];
  const example = formatDigits('150000000000', config.kassenzeichenFormat);
  const format = config.kassenzeichenFormat;
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    actions.dispatch({ type: 'address-submitted', address: readAddress(event.currentTarget as HTMLFormElement), format });
  };
  const onInput = (event: Event) => actions.dispatch({ type: 'edit', address: readAddress(event.currentTarget as HTMLFormElement) });
  // On leaving the field: a valid Kassenzeichen is shown in the configured format.
  const onChange = (event: Event) => {
    const input = event.target as HTMLInputElement;
    if (input.name !== 'kassenzeichen') return;
    const formatted = displayKassenzeichen(input.value, format);
    if (formatted === input.value) return;
    input.value = formatted;
    actions.dispatch({ type: 'edit', address: readAddress(input.form!) });
  };
  const field = (name: AddressField, extra: Pick<FieldOptions, 'hint' | 'autocomplete' | 'inputmode' | 'size'>) =>
    textField({ id: name, name, label: t.labels[name], value: state.address[name], error: error(name), ...extra });
  return html`
    ${heading(config, t.formTitle)} ${errorSummary(p, entries)}
    <p>${t.formIntro}</p>
    <form novalidate part="form" @submit=${onSubmit} @input=${onInput} @change=${onChange}>
      ${field('kassenzeichen', { hint: t.kassenzeichenHint(example), inputmode: 'numeric', autocomplete: 'off', size: 'short' })}
      ${field('street', { autocomplete: 'address-line1' })} ${field('houseNumber', { autocomplete: 'off', size: 'short' })}
      ${field('postalCode', { autocomplete: 'postal-code', inputmode: 'numeric', size: 'short' })}
      <div class="actions">
        <button type="submit" part="submit-button">${t.next}</button>
        <button type="button" class="secondary" @click=${() => actions.dispatch({ type: 'back' })}>${t.back}</button>
      </div>
    </form>
  `;
}

export function renderCheck({ state, config, messages, actions }: ViewProps): TemplateResult {
  const t = messages.manager;
  return html`
    ${heading(config, t.checkTitle)}
    <dl class="summary" part="summary">
      ${ADDRESS_FIELDS.map(
        (field) =>
          html`<div>
            <dt>${t.labels[field]}</dt>
            <dd>${state.address[field]}</dd>
          </div>`,
      )}
    </dl>
    <div class="actions">
      <button type="button" @click=${() => actions.dispatch({ type: 'entries-confirmed' })}>${t.confirm}</button>
      <button type="button" class="secondary" @click=${() => actions.dispatch({ type: 'change' })}>${t.change}</button>
    </div>
  `;
}

export function renderRole(p: ViewProps): TemplateResult {
  const { state, config, messages, actions } = p;
  const t = messages.manager;
  const busy = isBusy(state);
  const problem = state.problems.role ? t.errors.required.role : undefined;
  // While the letter request runs the choice stays as it was sent (a click changes nothing).
  const radio = (role: Role, hintId?: string) => html`
    <div class="radio">
      <input
        type="radio"
        id="role-${role}"
        name="role"
        value=${role}
        required
        .checked=${state.role === role}
        aria-invalid=${problem ? 'true' : 'false'}
        aria-describedby=${hintId ?? nothing}
        @click=${(event: Event) => busy && event.preventDefault()}
      />
      <label for="role-${role}">${t.role[role]}</label>
    </div>
  `;
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const value = new FormData(event.currentTarget as HTMLFormElement).get('role');
    actions.dispatch({ type: 'role-submitted', role: value === 'owner' || value === 'delivery_agent' ? value : undefined });
  };
  return html`
    ${heading(config, t.roleTitle)} ${errorSummary(p, problem ? [{ fieldId: 'role-owner', text: problem }] : [])} ${banner(p)}
    <form novalidate part="form" aria-busy=${busy ? 'true' : 'false'} @submit=${onSubmit}>
      <fieldset class=${problem ? 'invalid' : ''} aria-describedby=${problem ? 'role-error' : nothing}>
        <legend>${t.roleLegend}</legend>
        ${problem ? html`<p class="error" id="role-error">${problem}</p>` : nothing} ${radio('owner')}
        ${radio('delivery_agent', 'role-hint')}
        <p class="hint radio-hint" id="role-hint">${t.roleDeliveryAgentHint}</p>
      </fieldset>
      ${stepEnd(t.ok, p)}
    </form>
  `;
}

export function renderLetterSent({ state, config, messages, actions }: ViewProps): TemplateResult {
  const t = messages.manager;
  return html`
    ${heading(config, t.letterTitle)} ${state.sentItem ? html`<p><strong>${state.sentItem.kassenzeichen}</strong></p>` : nothing}
    <p>${t.letterText}</p>
    <p>${t.letterNext}</p>
    <div class="actions"><button type="button" @click=${() => actions.dispatch({ type: 'finish' })}>${t.toOverview}</button></div>
  `;
}
