import type { Address } from '../src/api/types.js';

/** What the city's fee system knows: Kassenzeichen, the object's address, and whose it is. */
export interface CityRecord {
  kassenzeichen: string;
  address: Address;
  /** Records of the same holder are linked automatically once one of them is confirmed. */
  holder: string;
}

const MG = 'Mönchengladbach';

/** The signed-in demo citizen holds three objects; a fourth belongs to someone else. */
export const CITY_RECORDS: readonly CityRecord[] = [
  {
    kassenzeichen: '1500.0000.0001',
    holder: 'demo',
    address: { street: 'Musterstraße', houseNumber: '12a', postalCode: '41061', city: MG },
  },
  {
    kassenzeichen: '1500.0000.0002',
    holder: 'demo',
    address: { street: 'Bismarckstraße', houseNumber: '5', postalCode: '41061', city: MG },
  },
  {
    kassenzeichen: '1500.0000.0003',
    holder: 'demo',
    address: { street: 'Hindenburgstraße', houseNumber: '100', postalCode: '41061', city: MG },
  },
  { kassenzeichen: '1500.0000.0099', holder: 'other', address: { street: 'Marktplatz', houseNumber: '1', postalCode: '41236', city: MG } },
];

export const DEMO_HOLDER = 'demo';

const STREETS = [
  'Hauptstraße',
  'Bahnhofstraße',
  'Gartenstraße',
  'Lindenallee',
  'Eickener Straße',
  'Viersener Straße',
  'Krefelder Straße',
  'Aachener Straße',
];

/** A property manager's thousand objects (scenario `property-manager`): Kassenzeichen 1600.0000.0001 and up. */
export function propertyManagerRecords(count = 1000): CityRecord[] {
  return Array.from({ length: count }, (_, index) => ({
    kassenzeichen: `1600.0000.${String(index + 1).padStart(4, '0')}`,
    holder: 'manager',
    address: {
      street: STREETS[index % STREETS.length],
      houseNumber: String(1 + Math.floor(index / STREETS.length)),
      postalCode: '41061',
      city: MG,
    },
  }));
}
