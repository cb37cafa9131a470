import { describe, expect, it } from 'vitest';
import { nonFiniteFromJson, quoteNonFiniteTokens } from './json-numbers.js';

describe('quoteNonFiniteTokens', () => {
  it('quotes bare NaN and infinities, as Python json.dumps writes them', () => {
    expect(JSON.parse(quoteNonFiniteTokens('{"costs": [0.5, NaN, Infinity, -Infinity], "finalCost": NaN}'))).toEqual({
      costs: [0.5, 'NaN', 'Infinity', '-Infinity'],
      finalCost: 'NaN',
    });
  });

  it('leaves strings, escapes and ordinary JSON alone', () => {
    const text = '{"note": "NaN \\" Infinity", "x": [1e-5, -2]}';
    expect(quoteNonFiniteTokens(text)).toBe(text);
  });

  it('reads null and the quoted names back as non-finite numbers', () => {
    expect(nonFiniteFromJson(null)).toBeNaN();
    expect(nonFiniteFromJson('NaN')).toBeNaN();
    expect(nonFiniteFromJson('Infinity')).toBe(Infinity);
    expect(nonFiniteFromJson('-Infinity')).toBe(-Infinity);
    expect(nonFiniteFromJson(0.25)).toBe(0.25);
    expect(nonFiniteFromJson('oops')).toBe('oops');
  });
});
