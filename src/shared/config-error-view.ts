import { html, type TemplateResult } from 'lit';
import type { Messages } from '../i18n/messages.js';
import type { ConfigProblem } from './config-problem.js';
import { describeConfigProblem } from './config-problem-text.js';

/** The box a web editor sees when an element is set up wrong. */
export function renderConfigError(tag: string, problems: readonly string[], messages: Messages['config']): TemplateResult {
  return html`
    <div class="config-error" part="config-error" role="alert" tabindex="-1">
      <p><strong>${messages.title}</strong> (&lt;${tag}&gt;)</p>
      <p>${messages.intro}</p>
      <ul>
        ${problems.map((problem) => html`<li>${problem}</li>`)}
      </ul>
      <p>${messages.citizenHint}</p>
    </div>
  `;
}

export function describeConfigProblems(problems: readonly ConfigProblem[], messages: Messages['config']): string[] {
  return problems.map((problem) => describeConfigProblem(problem, messages));
}

/** Tells the editor (console only) which attributes BFF mode does not use; the element works all the same. */
export function reportIgnored(tag: string, attributes: readonly string[], messages: Messages['config']): void {
  console.warn(`<${tag}>: ${messages.ignoredInBffMode(attributes.join(', '))}`);
}

/** Logs a configuration problem once per element, for the editor's developer tools. */
export function reportConfigError(tag: string, descriptions: readonly string[]): void {
  console.error(`<${tag}>: ${descriptions.join(' ')}`);
}
