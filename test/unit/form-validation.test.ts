import { describe, it } from 'node:test';
import { expect } from '@esm-bundle/chai';
import { mapServerFieldErrors, validateAddress } from '../../src/kassenzeichen-manager/form-validation.js';

const FORMAT = '####.####.####';

describe('address form validation', () => {
  it('accepts good entries, trims and NFC-normalises, formats the Kassenzeichen', () => {
    const { problems, cleaned } = validateAddress(
      { kassenzeichen: '150000000001', street: '  Mu\u0308sterstra\u00dfe ', houseNumber: ' 12 a ', postalCode: '41061' },
      FORMAT,
    );
    expect(problems).to.deep.equal({});
    expect(cleaned).to.deep.equal({ kassenzeichen: '1500.0000.0001', street: 'Müsterstraße', houseNumber: '12 a', postalCode: '41061' });
  });

  it('names every missing or malformed field', () => {
    const { problems } = validateAddress({ kassenzeichen: '', street: ' ', houseNumber: 'x'.repeat(21), postalCode: '4106' }, FORMAT);
    expect(problems).to.deep.equal({
      kassenzeichen: { kind: 'required' },
      street: { kind: 'required' },
      houseNumber: { kind: 'too-long', max: 20 },
      postalCode: { kind: 'postal-code' },
    });
  });

  it('places server field errors by pointer and keeps the unknown ones apart', () => {
    const { problems, unplaced } = mapServerFieldErrors(
      [
        { pointer: '/postalCode', code: 'format', detail: 'Nicht im Stadtgebiet' },
        { pointer: '/objectNote', code: 'format' },
      ],
      ['kassenzeichen', 'street', 'houseNumber', 'postalCode'] as const,
    );
    expect(problems).to.deep.equal({ postalCode: { kind: 'server', code: 'format', detail: 'Nicht im Stadtgebiet' } });
    expect(unplaced).to.deep.equal([{ pointer: '/objectNote', code: 'format' }]);
  });
});
