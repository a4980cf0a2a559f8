/**
 * Runs the one request the citizen waits for: a new run aborts the one before,
 * an aborted run's outcome is dropped, and whatever goes wrong while its
 * outcome is handed on (a bug in the state machine) reaches `crashed` – never
 * swallowed, as lit's Task swallows errors in its callbacks. No Lit, no DOM.
 */
export interface RunnerOutcome<Request, Answer> {
  answered(answer: Answer, request: Request): void;
  failed(error: unknown, request: Request): void;
  /** Handing on an answer or a failure threw: report it, and leave the citizen a sentence. */
  crashed(error: unknown, request: Request): void;
}

export class RequestRunner<Request, Answer> {
  private current?: AbortController;

  constructor(
    private readonly work: (request: Request, signal: AbortSignal) => Promise<Answer>,
    private readonly outcome: RunnerOutcome<Request, Answer>,
  ) {}

  /** Runs `request`; resolves when its outcome has been handed on (or dropped after an abort). */
  async run(request: Request): Promise<void> {
    this.abort();
    const controller = (this.current = new AbortController());
    let settle: () => void;
    try {
      const answer = await this.work(request, controller.signal);
      settle = () => this.outcome.answered(answer, request);
    } catch (error) {
      settle = () => this.outcome.failed(error, request);
    }
    if (controller.signal.aborted) return;
    this.current = undefined;
    try {
      settle();
    } catch (error) {
      this.outcome.crashed(error, request);
    }
  }

  abort(): void {
    this.current?.abort();
    this.current = undefined;
  }
}
