import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ViewContext } from './context.js';

/** The step's heading: focused after every step change. */
export function heading(text: string): TemplateResult {
  return html`<h2 tabindex="-1" part="heading">${text}</h2>`;
}

export interface FieldOptions {
  id: string;
  name: string;
  label: string;
  value: string;
  hint?: string;
  error?: string;
  autocomplete?: string;
  inputmode?: 'text' | 'numeric';
  size?: 'short' | 'long';
  disabled?: boolean;
}

/** A labelled input with its hint and error, linked by aria-describedby. */
export function textField(o: FieldOptions): TemplateResult {
  const described = [o.hint ? `${o.id}-hint` : '', o.error ? `${o.id}-error` : ''].filter(Boolean).join(' ');
  return html`
    <div class="field ${o.error ? 'invalid' : ''}" part="field">
      <label for=${o.id}>${o.label}</label>
      ${o.hint ? html`<p class="hint" id="${o.id}-hint">${o.hint}</p>` : nothing}
      ${o.error ? html`<p class="error" id="${o.id}-error" part="field-error">${o.error}</p>` : nothing}
      <input
        id=${o.id}
        name=${o.name}
        class=${o.size ?? 'long'}
        .value=${o.value}
        autocomplete=${ifDefined(o.autocomplete)}
        inputmode=${ifDefined(o.inputmode)}
        spellcheck="false"
        aria-describedby=${ifDefined(described || undefined)}
        aria-invalid=${o.error ? 'true' : 'false'}
        ?disabled=${o.disabled}
      />
    </div>
  `;
}

export interface SummaryEntry {
  /** The field to focus, when the error belongs to one. */
  fieldId?: string;
  text: string;
}

/** The list of all errors at the top of a form; it takes focus, its links focus the fields. */
export function errorSummary(title: string, entries: readonly SummaryEntry[]): TemplateResult | typeof nothing {
  if (entries.length === 0) return nothing;
  return html`
    <div class="error-summary" part="error-summary" tabindex="-1" role="group" aria-labelledby="error-summary-title">
      <div role="alert">
        <h3 id="error-summary-title">${title}</h3>
        <ul>
          ${entries.map((entry) =>
            entry.fieldId
              ? html`<li><a href="#${entry.fieldId}" @click=${focusField}>${entry.text}</a></li>`
              : html`<li>${entry.text}</li>`,
          )}
        </ul>
      </div>
    </div>
  `;
}

function focusField(event: Event): void {
  event.preventDefault();
  const link = event.currentTarget as HTMLAnchorElement;
  const id = link.getAttribute('href')!.slice(1);
  const root = link.getRootNode() as ShadowRoot;
  const field = root.getElementById(id);
  field?.focus();
  field?.scrollIntoView?.({ block: 'center' });
}

/** The one place where a failed request is explained, with a retry that keeps the entries. */
export function banner(ctx: ViewContext): TemplateResult | typeof nothing {
  const b = ctx.banner;
  if (!b) return nothing;
  return html`
    <div class="banner" part="error" role="alert">
      <p>${b.text}</p>
      ${b.retry || b.action
        ? html`<div class="actions">
            ${b.retry ? html`<button type="button" class="secondary" @click=${b.retry}>${ctx.t.retry}</button>` : nothing}
            ${b.action ? html`<button type="button" class="secondary" @click=${b.action.run}>${b.action.label}</button>` : nothing}
          </div>`
        : nothing}
    </div>
  `;
}

/**
 * The step's main button, which talks to the backend: disabled while its
 * request runs (one click is one letter) and while offline (with the reason).
 * Without `run` it submits its form.
 */
export function submitButton(label: string, ctx: ViewContext, run?: () => void): TemplateResult {
  const disabled = ctx.busy || ctx.offline;
  return html`<button type=${run ? 'button' : 'submit'} part="submit-button" ?disabled=${disabled}
    aria-describedby=${ctx.offline ? 'offline' : nothing} @click=${run ?? nothing}>${label}</button>`;
}

/**
 * The end of a step that talks to the backend: its main button (locked while
 * code entry is locked), the way back, and the busy line.
 */
export function stepEnd(label: string, ctx: ViewContext, options: { run?: () => void; backLabel?: string; locked?: boolean } = {}): TemplateResult {
  const main = submitButton(label, options.locked ? { ...ctx, busy: true } : ctx, options.run);
  return html`
    <div class="actions">
      ${main}
      <button type="button" class="secondary" ?disabled=${ctx.busy} @click=${() => ctx.go({ type: 'back' })}>${options.backLabel ?? ctx.t.back}</button>
    </div>
    ${busyLine(ctx)}
  `;
}

export function busyLine(ctx: ViewContext): TemplateResult | typeof nothing {
  if (!ctx.busy) return nothing;
  return html`<p class="busy" part="busy"><span class="spinner" aria-hidden="true"></span>${ctx.t.busy}
    <button type="button" class="link" @click=${ctx.cancel}>${ctx.t.cancelRequest}</button></p>`;
}

export function formatDate(iso: string | undefined, lang: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : new Intl.DateTimeFormat(lang, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
}
