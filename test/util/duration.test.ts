// One duration grammar for every option that takes one: follow's intervals and the "ago" of --since/--until.
import { describe, expect, it } from 'vitest';
import { durationMs } from '../../src/util/duration.js';
import { parseDuration } from '../../src/live/duration.js';

describe('durationMs', () => {
  it('reads a number and a unit, or several in a row, in either case, with fractions and spaces', () => {
    expect(durationMs('500ms')).toBe(500);
    expect(durationMs('90s')).toBe(90_000);
    expect(durationMs('1h30m')).toBe(5_400_000);
    expect(durationMs(' 1D 12h ')).toBe(129_600_000);
    expect(durationMs('1.5h')).toBe(5_400_000);
    expect(durationMs('2w')).toBe(1_209_600_000);
    expect(durationMs('1m30s')).toBe(90_000);
  });

  it('is null for what is no duration with units', () => {
    for (const bad of ['', '90', 'h', '-2h', '2hours', '2h30', '1h 30', '2026-11-20', '1h30m!']) expect(durationMs(bad), bad).toBeNull();
  });

  it('follow takes the same forms, and a bare number of seconds', () => {
    expect(parseDuration('--summary-every', '1h30m')).toBe(5_400_000);
    expect(parseDuration('--summary-every', '1d')).toBe(86_400_000);
    expect(parseDuration('--summary-every', '90')).toBe(90_000);
    expect(() => parseDuration('--summary-every', '500ms')).toThrow('must be at least 1s');
    expect(() => parseDuration('--summary-every', '10 minutes')).toThrow('expected a duration');
  });
});
