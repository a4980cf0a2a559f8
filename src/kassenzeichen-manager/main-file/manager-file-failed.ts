import { html, LitElement, type TemplateResult } from 'lit';
import { KassenzeichenErrorEvent } from '../../events.js';
import { renderConfigError, reportConfigError } from '../../shared/config-error-view.js';
import { defineOnce } from '../../shared/define.js';
import { LanguageController } from '../../shared/language-controller.js';
import { baseStyles } from '../../shared/styles.js';

/**
 * What stands in a `<kassenzeichen-manager>` whose own file could not be
 * loaded: for the editor, the file is missing beside the script; for the
 * citizen, the connection failed — a sentence and „Erneut versuchen“, which
 * loads the page again (the sign-in is kept).
 */
export class ManagerFileFailed extends LitElement {
  static override styles = [baseStyles];
  /** The file beside the script that is not on the server (the editor's message); unset when it was just unreachable. */
  missingFile?: string;
  private readonly language = new LanguageController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.missingFile) reportConfigError('kassenzeichen-manager', [this.language.messages.config.moduleMissing(this.missingFile)]);
    this.dispatchEvent(new KassenzeichenErrorEvent(this.missingFile ? 'module-missing' : 'network'));
  }

  protected override render(): TemplateResult {
    const m = this.language.messages;
    if (this.missingFile) return renderConfigError('kassenzeichen-manager', [m.config.moduleMissing(this.missingFile)], m.config);
    return html`<div class="problem" part="error" role="alert" lang=${m.language}>
      <p>${m.login.managerUnavailable}</p>
      <div class="actions"><button class="secondary" @click=${() => location.reload()}>${m.login.retry}</button></div>
    </div>`;
  }
}

/** Defines `<kassenzeichen-manager>` as the stand-in, unless another copy of the script defined the real one meanwhile. */
export function defineManagerFileFailed(missingFile?: string): void {
  defineOnce(
    'kassenzeichen-manager',
    class extends ManagerFileFailed {
      override missingFile = missingFile;
    },
  );
}
