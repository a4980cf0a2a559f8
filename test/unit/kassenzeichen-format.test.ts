import { describe, it } from 'node:test';
import { expect } from '@esm-bundle/chai';
import {
  displayKassenzeichen,
  formatDigits,
  isValidFormat,
  normaliseCode,
  parseKassenzeichen,
} from '../../src/kassenzeichen-manager/kassenzeichen-format.js';

describe('Kassenzeichen format', () => {
  it('accepts it with dots, spaces, hyphens, non-breaking spaces or nothing between', () => {
    for (const input of ['1500.0000.0001', '1500 0000 0001', '150000000001', ' 1500-0000-0001 ', '1500\u00a00000\u202f0001']) {
      expect(parseKassenzeichen(input), input).to.deep.equal({ ok: true, value: '1500.0000.0001' });
    }
  });

  it('normalises full-width digits and rejects digits of other scripts', () => {
    expect(parseKassenzeichen('１５００.００００.０００１')).to.deep.equal({ ok: true, value: '1500.0000.0001' });
    expect(parseKassenzeichen('١٥٠٠.٠٠٠٠.٠٠٠١')).to.deep.equal({ ok: false, problem: { kind: 'foreign-digits' } });
    expect(parseKassenzeichen('१५००००००००01')).to.deep.equal({ ok: false, problem: { kind: 'foreign-digits' } });
  });

  it('says how many digits were given and expected', () => {
    expect(parseKassenzeichen('1500.0000.001')).to.deep.equal({ ok: false, problem: { kind: 'digit-count', expected: 12, given: 11 } });
    expect(parseKassenzeichen('1500.0000.00011')).to.deep.equal({ ok: false, problem: { kind: 'digit-count', expected: 12, given: 13 } });
  });

  it('points at the letter O or l instead of a digit, never correcting it', () => {
    expect(parseKassenzeichen('15OO.0000.0000')).to.deep.equal({ ok: false, problem: { kind: 'letter-for-digit', letter: 'O' } });
    expect(parseKassenzeichen('l500.0000.0000')).to.deep.equal({ ok: false, problem: { kind: 'letter-for-digit', letter: 'l' } });
    expect(parseKassenzeichen('<img src=x onerror=alert(1)>')).to.deep.equal({ ok: false, problem: { kind: 'invalid-characters' } });
  });

  it('refuses a very long paste at once', () => {
    const started = performance.now();
    expect(parseKassenzeichen('1'.repeat(1_000_000))).to.deep.equal({ ok: false, problem: { kind: 'too-long' } });
    expect(performance.now() - started).to.be.below(50);
  });

  it('follows a configured format', () => {
    expect(isValidFormat('##-####')).to.equal(true);
    expect(isValidFormat('abc')).to.equal(false);
    expect(formatDigits('123456', '##-####')).to.equal('12-3456');
    expect(parseKassenzeichen('12 3456', '##-####')).to.deep.equal({ ok: true, value: '12-3456' });
    expect(displayKassenzeichen('15000000', '##-####')).to.equal('15000000');
  });

  it('normalises a code: spaces gone, upper case', () => {
    expect(normaliseCode(' k7m4 - p2qx\n')).to.equal('K7M4P2QX');
    expect(normaliseCode('6smv\u2013jxdd')).to.equal('6SMVJXDD');
  });
});
