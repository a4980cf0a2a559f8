import type { Address, Item, LinkRequest, Role } from '../src/api/types.js';
import { CITY_RECORDS, propertyManagerRecords, type CityRecord } from './city-records.js';
import { isScenarioName, type ScenarioName } from './scenarios.js';

/** A letter the mock "posted": shown in the demo's letterbox. */
export interface Letter {
  kassenzeichen: string;
  address: Address;
  code: string;
  sentAt: string;
}

export interface MockRequest {
  method: string;
  /** Path relative to the backend URL, e.g. `/kassenzeichen/kz-1/letter`. */
  path: string;
  header: (name: string) => string | null;
  body: unknown;
}

export interface MockResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface StoredItem extends Item {
  holder: string;
  code?: string;
  codeExpiresAt?: number;
  attemptsLeft: number;
  lockedUntil?: number;
  lettersSent: number;
}

/** One request as the backend saw it (no token, no body) and its answer. */
export interface Exchange {
  method: string;
  path: string;
  idempotencyKey: string | null;
  response: MockResponse;
}

interface SavedState {
  scenario: ScenarioName;
  consentGiven: boolean;
  items: StoredItem[];
  nextId: number;
  letters: Letter[];
  replies: Array<[string, MockResponse]>;
}

export interface MockBackendOptions {
  now?: () => number;
  newCode?: () => string;
}

const DAY = 86_400_000;
const CODE_VALIDITY_MS = 28 * DAY;
const MAX_ATTEMPTS = 5;
const LOCK_SECONDS = 900;
const MAX_LETTERS = 3;
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const SERVER_DOWN_HTML =
  '<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1><script>alert(1)</script></body></html>';

export const DEMO_DISPLAY_NAME = 'Erika Mustermann';
/** The code of the pending Kassenzeichen in the `returning` and `code-expired` scenarios. */
export const RETURNING_PENDING_CODE = 'K7M4-P2QX';

/**
 * The city's backend as an in-memory state machine that answers exactly as
 * `src/api/openapi.yaml` says. One citizen per instance; no network, no msw.
 */
export class MockBackend {
  scenario: ScenarioName = 'first-visit';
  /** How long every answer waits (`slow`: 3 s); tests may shorten it. */
  responseDelayMs = 0;
  /** Access tokens the backend no longer accepts (answers 401). */
  readonly rejectedTokens = new Set<string>();
  readonly letters: Letter[] = [];
  /** Every request answered since the last reset, oldest first. */
  readonly exchanges: Exchange[] = [];
  private consentGiven = false;
  private items: StoredItem[] = [];
  private nextId = 1;
  private readonly replies = new Map<string, MockResponse>();
  private readonly listeners = new Set<() => void>();
  private readonly now: () => number;
  private readonly newCode: () => string;

  constructor(scenario: ScenarioName = 'first-visit', options: MockBackendOptions = {}) {
    this.now = options.now ?? Date.now;
    this.newCode = options.newCode ?? randomCode;
    this.reset(scenario);
  }

  /** Starts the scenario afresh: state, letters and idempotency memory. */
  reset(scenario: ScenarioName): void {
    this.scenario = scenario;
    this.responseDelayMs = scenario === 'slow' ? 3000 : 0;
    this.consentGiven = scenario !== 'first-visit';
    this.items = [];
    this.letters.length = 0;
    this.exchanges.length = 0;
    this.replies.clear();
    this.rejectedTokens.clear();
    this.nextId = 1;
    if (scenario === 'property-manager') this.seedPropertyManager();
    else if (scenario !== 'first-visit') this.seedReturningCitizen();
    this.notify();
  }

  /** The whole state as JSON, so that the demo survives the sign-in redirect. */
  save(): string {
    const state: SavedState = {
      scenario: this.scenario,
      consentGiven: this.consentGiven,
      items: this.items,
      nextId: this.nextId,
      letters: this.letters,
      replies: [...this.replies],
    };
    return JSON.stringify(state);
  }

  /** Restores what {@link save} wrote; ignores anything unreadable. */
  restore(saved: string | null): boolean {
    try {
      const state = JSON.parse(saved ?? '') as SavedState;
      if (!isScenarioName(state.scenario) || !Array.isArray(state.items)) return false;
      this.reset(state.scenario);
      this.consentGiven = state.consentGiven;
      this.items = state.items;
      this.nextId = state.nextId;
      // The saved letters are all there were: the scenario's seeded letter is among them already.
      this.letters.splice(0, this.letters.length, ...state.letters);
      for (const [key, value] of state.replies) this.replies.set(key, value);
      this.notify();
      return true;
    } catch {
      return false;
    }
  }

  /** Called after every change, e.g. to redraw the demo's letterbox. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  handle(request: MockRequest): MockResponse {
    const response = this.answer(request);
    const { method, path } = request;
    this.exchanges.push({ method, path, idempotencyKey: request.header('Idempotency-Key'), response });
    this.notify();
    return response;
  }

  private answer(request: MockRequest): MockResponse {
    if (this.scenario === 'server-down') {
      return { status: 500, body: SERVER_DOWN_HTML, headers: { 'Content-Type': 'text/html; charset=utf-8' } };
    }
    const token = /^Bearer (\S+)$/.exec(request.header('Authorization') ?? '')?.[1];
    if (!token || this.rejectedTokens.has(token)) return problem(401, 'unauthorized', 'Nicht angemeldet');
    return this.route(request);
  }

  private route(request: MockRequest): MockResponse {
    const { method, path } = request;
    const itemRoute = /^\/kassenzeichen\/([^/]+)(?:\/(confirmation|letter))?$/.exec(path);
    if (path === '/account' && method === 'GET') return this.getAccount();
    if (path === '/account/consent' && method === 'PUT') return this.putConsent();
    if (path === '/kassenzeichen' && method === 'GET') return this.list();
    if (path === '/kassenzeichen' && method === 'POST') return this.idempotent(request, () => this.link(request.body));
    if (itemRoute) {
      const id = decodeURIComponent(itemRoute[1]);
      const action = itemRoute[2];
      if (action === 'confirmation' && method === 'POST') return this.idempotent(request, () => this.confirm(id, request.body));
      if (action === 'letter' && method === 'POST') return this.idempotent(request, () => this.resend(id));
      if (!action && method === 'DELETE') return this.remove(id);
    }
    return problem(404, 'not-found', 'Nicht gefunden');
  }

  private getAccount(): MockResponse {
    return { status: 200, body: { displayName: DEMO_DISPLAY_NAME, consentRequired: !this.consentGiven } };
  }

  private putConsent(): MockResponse {
    this.consentGiven = true;
    return { status: 204 };
  }

  private list(): MockResponse {
    if (!this.consentGiven) return problem(403, 'consent-required', 'Zustimmung zur Datenübertragung fehlt');
    return { status: 200, body: { items: this.items.map(publicItem) } };
  }

  private link(body: unknown): MockResponse {
    if (this.scenario === 'rate-limited') return rateLimited(120);
    if (this.scenario === 'validation-errors') return validationProblem(SCENARIO_FIELD_ERRORS);
    const fieldErrors = validateLinkRequest(body);
    if (fieldErrors.length > 0) return validationProblem(fieldErrors);
    const request = body as LinkRequest;
    if (this.items.some((item) => item.kassenzeichen === request.kassenzeichen)) {
      return problem(409, 'conflict', 'Dieses Kassenzeichen ist bereits hinterlegt oder beantragt');
    }
    const record = CITY_RECORDS.find((candidate) => recordMatches(candidate, request));
    if (!record) {
      // Same answer whether the Kassenzeichen exists or not: nothing to probe.
      return validationProblem([
        { pointer: '/kassenzeichen', code: 'mismatch', detail: 'Kassenzeichen und Anschrift passen nicht zusammen.' },
      ]);
    }
    const item = this.addItem(record, request.role);
    this.postLetter(item);
    return { status: 202, body: publicItem(item) };
  }

  private confirm(id: string, body: unknown): MockResponse {
    const item = this.pendingItem(id);
    if (!item) return problem(404, 'not-found', 'Keine offene Anfrage zu diesem Kassenzeichen');
    const now = this.now();
    if (item.lockedUntil && item.lockedUntil > now) return rateLimited(Math.ceil((item.lockedUntil - now) / 1000));
    if (this.scenario === 'code-expired' || (item.codeExpiresAt ?? 0) < now) {
      return problem(410, 'code-expired', 'Der Bestätigungscode ist abgelaufen');
    }
    const code = isObject(body) && typeof body.code === 'string' ? body.code : '';
    if (!code.trim()) return validationProblem([{ pointer: '/code', code: 'required' }]);
    if (normaliseCode(code) !== normaliseCode(item.code ?? '')) return this.wrongCode(item, now);
    return this.confirmItem(item);
  }

  private wrongCode(item: StoredItem, now: number): MockResponse {
    item.attemptsLeft -= 1;
    if (item.attemptsLeft <= 0) {
      item.lockedUntil = now + LOCK_SECONDS * 1000;
      return rateLimited(LOCK_SECONDS);
    }
    return validationProblem([{ pointer: '/code', code: 'wrong-code', detail: 'Der Code stimmt nicht.' }], {
      remainingAttempts: item.attemptsLeft,
    });
  }

  private confirmItem(item: StoredItem): MockResponse {
    const confirmedAt = new Date(this.now()).toISOString();
    markConfirmed(item, confirmedAt);
    const autoLinked: StoredItem[] = [];
    for (const record of CITY_RECORDS.filter((r) => r.holder === item.holder)) {
      const existing = this.items.find((candidate) => candidate.kassenzeichen === record.kassenzeichen);
      if (existing?.status === 'confirmed') continue;
      const linked = existing ?? this.addItem(record, item.role);
      markConfirmed(linked, confirmedAt);
      autoLinked.push(linked);
    }
    return { status: 200, body: { confirmed: publicItem(item), autoLinked: autoLinked.map(publicItem) } };
  }

  private resend(id: string): MockResponse {
    const item = this.pendingItem(id);
    if (!item) return problem(404, 'not-found', 'Keine offene Anfrage zu diesem Kassenzeichen');
    if (this.scenario === 'rate-limited' || item.lettersSent >= MAX_LETTERS)
      return rateLimited(this.scenario === 'rate-limited' ? 120 : 86_400);
    this.postLetter(item);
    return { status: 202, body: publicItem(item) };
  }

  private remove(id: string): MockResponse {
    const index = this.items.findIndex((item) => item.id === id);
    if (index < 0) return problem(404, 'not-found', 'Kassenzeichen nicht gefunden');
    this.items.splice(index, 1);
    return { status: 204 };
  }

  /** Answers a repeated Idempotency-Key with the first answer: never a second letter, a confirmation answered as the first time. */
  private idempotent(request: MockRequest, run: () => MockResponse): MockResponse {
    const key = request.header('Idempotency-Key');
    const remembered = key ? this.replies.get(`${request.path} ${key}`) : undefined;
    if (remembered) return remembered;
    const response = run();
    if (key && response.status < 500) this.replies.set(`${request.path} ${key}`, response);
    return response;
  }

  private pendingItem(id: string): StoredItem | undefined {
    return this.items.find((item) => item.id === id && item.status === 'pending');
  }

  private addItem(record: CityRecord, role: Role): StoredItem {
    const item: StoredItem = {
      id: `kz-${this.nextId++}`,
      kassenzeichen: record.kassenzeichen,
      address: { ...record.address },
      role,
      status: 'pending',
      holder: record.holder,
      attemptsLeft: MAX_ATTEMPTS,
      lettersSent: 0,
    };
    this.items.push(item);
    return item;
  }

  private postLetter(item: StoredItem, code: string = this.newCode(), now: number = this.now()): void {
    item.code = code;
    item.codeExpiresAt = now + CODE_VALIDITY_MS;
    item.requestedAt = new Date(now).toISOString();
    item.attemptsLeft = MAX_ATTEMPTS;
    item.lockedUntil = undefined;
    item.lettersSent += 1;
    this.letters.unshift({ kassenzeichen: item.kassenzeichen, address: { ...item.address }, code, sentAt: item.requestedAt });
  }

  /** A property manager: a thousand confirmed objects, every tenth still waiting for its letter. */
  private seedPropertyManager(): void {
    propertyManagerRecords().forEach((record, index) => {
      const item = this.addItem(record, 'delivery_agent');
      if (index % 10 === 9) this.postLetter(item, this.newCode(), this.now() - DAY);
      else markConfirmed(item, new Date(this.now() - 100 * DAY).toISOString());
    });
  }

  private seedReturningCitizen(): void {
    const [first, second] = CITY_RECORDS;
    const confirmed = this.addItem(first, 'owner');
    markConfirmed(confirmed, new Date(this.now() - 30 * DAY).toISOString());
    confirmed.requestedAt = new Date(this.now() - 40 * DAY).toISOString();
    const pending = this.addItem(second, 'owner');
    // Posted three days ago: the letter's date and the request's agree. The code is still valid.
    this.postLetter(pending, RETURNING_PENDING_CODE, this.now() - 3 * DAY);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

const SCENARIO_FIELD_ERRORS = [
  { pointer: '/postalCode', code: 'format', detail: 'Diese Postleitzahl gehört nicht zum Stadtgebiet.' },
  { pointer: '/houseNumber', code: 'format', detail: 'Diese Hausnummer ist in der Straße nicht verzeichnet.' },
  { pointer: '/objectNote', code: 'format', detail: 'Angabe zum Objekt unklar.' },
] as const;

function markConfirmed(item: StoredItem, confirmedAt: string): void {
  item.status = 'confirmed';
  item.confirmedAt = confirmedAt;
  item.code = undefined;
  item.codeExpiresAt = undefined;
}

function publicItem(item: StoredItem): Item {
  const { id, kassenzeichen, address, role, status, requestedAt, confirmedAt } = item;
  const result: Item = { id, kassenzeichen, address: { ...address }, role, status };
  if (requestedAt) result.requestedAt = requestedAt;
  if (confirmedAt) result.confirmedAt = confirmedAt;
  return result;
}

function validateLinkRequest(body: unknown): Array<{ pointer: string; code: 'required' | 'format' }> {
  if (!isObject(body)) return [{ pointer: '', code: 'required' }];
  const errors: Array<{ pointer: string; code: 'required' | 'format' }> = [];
  const check = (field: keyof LinkRequest, pattern?: RegExp, maxLength = 200) => {
    const value = body[field];
    if (typeof value !== 'string' || value.trim() === '') errors.push({ pointer: `/${field}`, code: 'required' });
    else if ((pattern && !pattern.test(value)) || value.length > maxLength) errors.push({ pointer: `/${field}`, code: 'format' });
  };
  check('kassenzeichen', /^[0-9]{4}\.[0-9]{4}\.[0-9]{4}$/);
  check('street');
  check('houseNumber', undefined, 20);
  check('postalCode', /^[0-9]{5}$/);
  check('role', /^(owner|delivery_agent)$/);
  return errors;
}

function recordMatches(record: CityRecord, request: LinkRequest): boolean {
  return (
    record.kassenzeichen === request.kassenzeichen &&
    normaliseStreet(record.address.street) === normaliseStreet(request.street) &&
    normaliseHouseNumber(record.address.houseNumber) === normaliseHouseNumber(request.houseNumber) &&
    record.address.postalCode === request.postalCode.trim()
  );
}

function normaliseStreet(street: string): string {
  return street
    .normalize('NFC')
    .toLowerCase()
    .replace(/str\.?$/, 'straße')
    .replace(/[\s-]/g, '');
}

function normaliseHouseNumber(houseNumber: string): string {
  return houseNumber.toLowerCase().replace(/\s/g, '');
}

function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

function randomCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  const chars = Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function problem(status: number, type: string, title: string, extra: Record<string, unknown> = {}): MockResponse {
  return {
    status,
    body: { type: `https://buergerportal.example/problems/${type}`, title, status, ...extra },
    // Its own words are German; the widget marks them so when it shows them on an English page.
    headers: { 'Content-Type': 'application/problem+json', 'Content-Language': 'de' },
  };
}

function validationProblem(
  errors: ReadonlyArray<{ pointer: string; code: string; detail?: string }>,
  extra: Record<string, unknown> = {},
): MockResponse {
  return problem(422, 'validation', 'Die Angaben sind nicht gültig', { errors, ...extra });
}

function rateLimited(seconds: number): MockResponse {
  const response = problem(429, 'rate-limited', 'Zu viele Versuche', {
    detail: `Bitte in ${seconds} Sekunden erneut versuchen.`,
  });
  response.headers = { ...response.headers, 'Retry-After': String(seconds) };
  return response;
}
