import { busyAwareButton, focusInView, formatDay, html, ifDefined, nothing } from '../from-main.js';
import type { TemplateResult } from 'lit';
import { newLetterTarget } from '../flow/failures.js';
import { hasConfirmed, isBusy, type Message, type Notice } from '../flow/state.js';
import { hasTypedEntries } from '../flow/draft.js';
import type { ManagerMessages } from '../../i18n/messages.js';
import type { HeadingLevel, ManagerConfig } from '../set-up/manager-config.js';
import { messageText, type FieldMessage } from '../problem-text.js';
import type { ViewProps } from './props.js';

/** A heading at `level`; the page's outline decides it (attribute `heading-level`). */
function headingAt(level: HeadingLevel, content: unknown, attrs: { id?: string; part?: string; tabindex?: number }): TemplateResult {
  const { id, part, tabindex } = attrs;
  switch (level) {
    case 2:
      return html`<h2 id=${ifDefined(id)} part=${ifDefined(part)} tabindex=${ifDefined(tabindex)}>${content}</h2>`;
    case 3:
      return html`<h3 id=${ifDefined(id)} part=${ifDefined(part)} tabindex=${ifDefined(tabindex)}>${content}</h3>`;
    case 4:
      return html`<h4 id=${ifDefined(id)} part=${ifDefined(part)} tabindex=${ifDefined(tabindex)}>${content}</h4>`;
    case 5:
      return html`<h5 id=${ifDefined(id)} part=${ifDefined(part)} tabindex=${ifDefined(tabindex)}>${content}</h5>`;
    case 6:
      return html`<h6 id=${ifDefined(id)} part=${ifDefined(part)} tabindex=${ifDefined(tabindex)}>${content}</h6>`;
  }
}

/** The step's heading: focused after every step change. */
export function heading(config: Pick<ManagerConfig, 'headingLevel'>, text: string): TemplateResult {
  return headingAt(config.headingLevel, text, { part: 'heading', tabindex: -1 });
}

/** A heading one level below the step's (at most h6). */
export function subheading(config: Pick<ManagerConfig, 'headingLevel'>, text: string, id?: string): TemplateResult {
  return headingAt(Math.min(config.headingLevel + 1, 6) as HeadingLevel, text, { id });
}

export interface FieldOptions {
  id: string;
  name: string;
  label: string;
  value: string;
  hint?: string;
  error?: FieldMessage;
  autocomplete?: 'off' | 'address-line1' | 'postal-code' | 'one-time-code';
  inputmode?: 'text' | 'numeric';
  size?: 'short' | 'long';
  disabled?: boolean;
  /** Every field of the manager is required unless it says otherwise. */
  optional?: boolean;
}

/** A labelled input with its hint and error, linked by aria-describedby. */
export function textField(o: FieldOptions): TemplateResult {
  const described = [o.hint ? `${o.id}-hint` : '', o.error ? `${o.id}-error` : ''].filter(Boolean).join(' ');
  return html`
    <div class="field ${o.error ? 'invalid' : ''}" part="field">
      <label for=${o.id}>${o.label}</label>
      ${o.hint ? html`<p class="hint" id="${o.id}-hint">${o.hint}</p>` : nothing}
      ${o.error ? html`<p class="error" id="${o.id}-error" part="field-error">${fieldMessage(o.error)}</p>` : nothing}
      <input
        id=${o.id}
        name=${o.name}
        class=${o.size ?? 'long'}
        .value=${o.value}
        .autocomplete=${o.autocomplete ?? ''}
        inputmode=${ifDefined(o.inputmode)}
        spellcheck="false"
        aria-describedby=${ifDefined(described || undefined)}
        aria-invalid=${o.error ? 'true' : 'false'}
        ?required=${!o.optional}
        ?disabled=${o.disabled}
      />
    </div>
  `;
}

export interface SummaryEntry extends FieldMessage {
  /** The field to focus, when the error belongs to one. */
  fieldId?: string;
}

/** The widget's sentence, then the backend's own words (only ever after it) marked with their language when the backend names it. */
export function fieldMessage(message: FieldMessage): TemplateResult {
  return html`${message.text}${
    message.addition ? html` <span class="addition" lang=${ifDefined(message.additionLang)}>${message.addition}</span>` : nothing
  }`;
}

/**
 * The list of all errors at the top of a form; it takes focus, its links focus
 * the fields. Its title says that something is wrong and how many things,
 * never the words of a step's heading. Focus announces it: no live region as
 * well, which would read it a second time.
 */
export function errorSummary(p: ViewProps, entries: readonly SummaryEntry[]): TemplateResult | typeof nothing {
  if (entries.length === 0) return nothing;
  return html`
    <div class="error-summary" part="error-summary" tabindex="-1" role="group" aria-labelledby="error-summary-title">
      <div class="error-summary-title">
        ${subheading(p.config, p.messages.manager.errorSummaryTitle(entries.length), 'error-summary-title')}
      </div>
      <ul>
        ${entries.map((entry) =>
          entry.fieldId
            ? html`<li><a href="#${entry.fieldId}" @click=${focusField}>${fieldMessage(entry)}</a></li>`
            : html`<li>${fieldMessage(entry)}</li>`,
        )}
      </ul>
    </div>
  `;
}

/** As GOV.UK does: focus the field, and show its label (or a radio group's legend) with it. */
function focusField(event: Event): void {
  event.preventDefault();
  const link = event.currentTarget as HTMLAnchorElement;
  const id = link.getAttribute('href')!.slice(1);
  const root = link.getRootNode() as ShadowRoot;
  const field = root.getElementById(id);
  if (!field) return;
  const label = field.closest('fieldset')?.querySelector('legend') ?? root.querySelector(`label[for="${id}"]`) ?? field;
  focusInView(field, label);
}

/**
 * The one place where a failed request is explained, with a retry that keeps
 * the entries. It takes focus when it appears, which reads its sentence once
 * (its name); it is no live region, so the busy line of a retry inside it does
 * not read it again. While the retry runs it stays, with its button marked
 * busy, so that focus stays where it was. (A failure while the citizen is
 * elsewhere on the page is told by the element's status line instead.)
 */
export function banner(p: ViewProps): TemplateResult | typeof nothing {
  const { state, messages, actions } = p;
  const b = state.banner;
  if (!b) return nothing;
  const t = messages.manager;
  const busy = isBusy(state);
  const buttons = b.actions.map((action) => {
    if (action === 'retry') return busyAwareButton(t.retry, busy || state.offline, () => actions.dispatch({ type: 'retry' }), 'secondary');
    if (action === 'overview') return busyAwareButton(t.toOverview, busy, () => actions.dispatch({ type: 'finish' }), 'secondary');
    const itemId = newLetterTarget(state);
    return itemId
      ? busyAwareButton(t.newCodeButton, busy, () => actions.dispatch({ type: 'ask-new-letter', itemId }), 'secondary')
      : nothing;
  });
  return html`
    <div class="problem banner" part="error" role="group" aria-labelledby="banner-text" tabindex="-1">
      <p id="banner-text">${bannerText(p, b.message)}</p>
      ${buttons.length > 0 ? html`<div class="actions">${buttons}</div>` : nothing} ${busyLine(p)}
    </div>
  `;
}

/** The banner's sentence, with „Ihre Eingaben bleiben erhalten“ where that is so. */
export function bannerText(p: Pick<ViewProps, 'state' | 'messages' | 'lang'>, message: Message): string {
  const { state, messages, lang } = p;
  return `${messageText(message, state.items, messages.manager, lang)}${keepsEntries(message) ? entriesKept(p) : ''}`;
}

/**
 * The step's main button, which talks to the backend: marked busy while its
 * request runs (one click is one letter) and while offline (with the reason).
 * Without `run` it submits its form.
 */
export function submitButton(label: string, p: ViewProps, run?: () => void, locked = false): TemplateResult {
  const { state } = p;
  return busyAwareButton(label, isBusy(state) || state.offline || locked, run, 'primary', {
    part: 'submit-button',
    describedBy: state.offline ? 'offline' : undefined,
  });
}

/** The end of a step that talks to the backend: its main button, the way back, and the busy line. */
export function stepEnd(
  label: string,
  p: ViewProps,
  options: { run?: () => void; backLabel?: string; locked?: boolean } = {},
): TemplateResult {
  const t = p.messages.manager;
  const back = () => p.actions.dispatch({ type: 'back' });
  return html`
    <div class="actions">
      ${submitButton(label, p, options.run, options.locked)}
      ${busyAwareButton(options.backLabel ?? t.back, isBusy(p.state), back, 'secondary')}
    </div>
    ${p.state.banner ? nothing : busyLine(p)}
  `;
}

export function busyLine(p: ViewProps): TemplateResult | typeof nothing {
  if (!isBusy(p.state)) return nothing;
  const t = p.messages.manager;
  return html`<p class="busy" part="busy">
    <span class="spinner" aria-hidden="true"></span>${t.busy}
    <button type="button" class="link" @click=${() => p.actions.dispatch({ type: 'cancel' })}>${t.cancelRequest}</button>
  </p>`;
}

/**
 * „Übersicht der Services“: the city's links (given in the slot `services`,
 * drawn by the element) once a Kassenzeichen is confirmed; before that the
 * guide's sentence, and the links are not there at all (nobody can reach
 * them). Without links from the page there is no section.
 */
export function services(p: ViewProps): TemplateResult | typeof nothing {
  if (p.services.length === 0) return nothing;
  const t = p.messages.manager;
  const links = html`<ul class="service-links">
    ${p.services.map((link) => html`<li><a href=${link.href}>${link.text}</a></li>`)}
  </ul>`;
  return html`
    <section class="services" part="services" aria-labelledby="services-title">
      ${subheading(p.config, t.servicesTitle, 'services-title')} ${hasConfirmed(p.state) ? links : html`<p>${t.servicesLocked}</p>`}
    </section>
  `;
}

/** A hint above a step (not an error): nothing when there is no text. */
export function notice(text: string | false | undefined): TemplateResult | typeof nothing {
  return text ? html`<p class="notice" part="notice">${text}</p>` : nothing;
}

/** „Ihre Eingaben bleiben erhalten“ after a sentence – only when the citizen has typed or chosen something. */
export function entriesKept({ state, messages }: Pick<ViewProps, 'state' | 'messages'>): string {
  return hasTypedEntries(state) ? ` ${messages.manager.entriesKept}` : '';
}

/** Failures after which the citizen tries again (or signs in again) with what they typed. */
function keepsEntries(message: Message): boolean {
  return message.kind === 'api' && ['network', 'aborted', 'timeout', 'server', 'unauthorized'].includes(message.error);
}

/**
 * What the manager's status line announces, once per event: offline; a failure
 * while the citizen is elsewhere on the page (inside, the banner takes focus and
 * is read then); the flow's notice – but not „abgelaufen“ when a login on the
 * page announces it already.
 */
export function statusText(p: ViewProps, where: { online: boolean; focusInside: boolean; loginOnPage: boolean }): string {
  const t = p.messages.manager;
  if (!where.online) return t.problems.offline;
  const { banner, notice } = p.state;
  if (banner && !where.focusInside) return bannerText(p, banner.message);
  if (notice === 'session-expired' && where.loginOnPage) return '';
  return noticeText(notice, t);
}

/** What the live region says for a notice of the flow. */
function noticeText(notice: Notice | undefined, t: ManagerMessages): string {
  if (!notice) return '';
  return { busy: t.busy, removed: t.removed, 'session-expired': t.sessionExpired }[notice];
}

export function formatDate(iso: string | undefined, lang: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : formatDay(date.getTime(), lang);
}
