/** Named situations of the mock backend, switchable in the demo and used by the tests. */
export const SCENARIOS = {
  'first-visit': 'Erster Besuch: Zustimmung fehlt, noch kein Kassenzeichen',
  returning: 'Wiederkehrend: ein bestätigtes und ein wartendes Kassenzeichen',
  'validation-errors': 'Eingaben werden vom Server abgelehnt (422)',
  'server-down': 'Server defekt (500 mit HTML)',
  slow: 'Langsam (jede Antwort nach 3 s)',
  'rate-limited': 'Zu viele Anfragen (429)',
  'code-expired': 'Bestätigungscode abgelaufen (410)',
} as const;

export type ScenarioName = keyof typeof SCENARIOS;

export function isScenarioName(value: unknown): value is ScenarioName {
  return typeof value === 'string' && Object.hasOwn(SCENARIOS, value);
}
