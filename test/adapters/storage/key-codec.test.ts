import fc from 'fast-check';
import { BLOB_SAFE, decodeKey, encodeKey, FILE_SAFE } from '../../../bot/adapters/storage/key-codec';

const keys = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 });
const asciiKeys = fc.string({ unit: fc.constantFrom(...'aAzZ09:._-/%~ '.split('')), minLength: 1, maxLength: 12 });

describe.each([['file', FILE_SAFE], ['blob', BLOB_SAFE]])('key codec for %s names', (_, safe) => {
  it('decodes what it encodes', () => {
    fc.assert(fc.property(keys, (key) => decodeKey(encodeKey(key, safe), safe) === key));
  });

  it('maps a key prefix to a name prefix, so listing by prefix is a name scan', () => {
    fc.assert(fc.property(keys, keys, (a, b) => encodeKey(a + b, safe).startsWith(encodeKey(a, safe))));
  });

  it('never produces ".", "/" or "\\\\" in a name', () => {
    fc.assert(fc.property(keys, (key) => !/[./\\]/.test(encodeKey(key, safe))));
  });

  it('rejects names it could not have produced', () => {
    expect(decodeKey('a%zz', safe)).toBeUndefined();
    expect(decodeKey('%E4', safe)).toBeUndefined(); // half a UTF-8 sequence
    expect(decodeKey('a.json', safe)).toBeUndefined();
  });
});

describe('file names', () => {
  it('differ even on a case-insensitive disk when the keys differ', () => {
    fc.assert(fc.property(asciiKeys, asciiKeys, (a, b) => {
      fc.pre(a !== b);
      return encodeKey(a, FILE_SAFE).toLowerCase() !== encodeKey(b, FILE_SAFE).toLowerCase();
    }));
  });

  it('keeps plain lowercase ids readable', () => {
    expect(encodeKey('meeting-19_abc', FILE_SAFE)).toBe('meeting-19_abc');
    expect(encodeKey('Intake:A', FILE_SAFE)).toBe('%49ntake%3A%41');
  });
});
