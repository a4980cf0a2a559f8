/** Named situations of the mock backend, switchable in the demo and used by the tests. */
export const SCENARIOS = {
  'first-visit': 'Erster Besuch: noch keine Zustimmung, noch kein Kassenzeichen',
  returning: 'Wiederkehrend: ein Kassenzeichen bestätigt, eines wartet auf den Brief',
  'validation-errors': 'Das Bürgerportal lehnt die eingegebene Anschrift ab',
  'server-down': 'Das Bürgerportal hat eine Störung',
  slow: 'Das Bürgerportal antwortet langsam (3 Sekunden)',
  'rate-limited': 'Zu viele Anfragen in kurzer Zeit',
  'code-expired': 'Der Bestätigungscode im Brief ist abgelaufen',
  'property-manager': 'Hausverwaltung mit 1.000 Objekten',
} as const;

export type ScenarioName = keyof typeof SCENARIOS;

export function isScenarioName(value: unknown): value is ScenarioName {
  return typeof value === 'string' && Object.hasOwn(SCENARIOS, value);
}
