import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { daysInclusive, prorateYearlyCents } from './prorate.ts';

describe('prorating a yearly subscription cost', () => {
  it('counts days with both ends included', () => {
    assert.equal(daysInclusive('2024-01-01', '2024-12-31'), 366);
    assert.equal(daysInclusive('2025-03-01', '2025-03-01'), 1);
    assert.equal(daysInclusive('2025-03-02', '2025-03-01'), 0);
  });

  it('gives exactly the yearly cost for a whole subscription year, leap or not', () => {
    assert.equal(prorateYearlyCents(120_000, '2023-09-01', '2023-09-01', '2024-08-31'), 120_000);
    assert.equal(prorateYearlyCents(120_000, '2024-09-01', '2024-09-01', '2025-08-31'), 120_000);
    assert.equal(prorateYearlyCents(99_999, '2022-01-15', '2022-01-15', '2025-01-14'), 3 * 99_999);
  });

  it('prorates a part of a year by its days, rounded half up to the cent', () => {
    // 1 September → 31 December 2025: 122 days of a 365-day subscription year.
    assert.equal(prorateYearlyCents(365_00, '2025-09-01', '2025-09-01', '2025-12-31'), 122_00);
    // 1000 € × 10 / 365 = 27.397… € → 27.40 €
    assert.equal(prorateYearlyCents(100_000, '2025-01-01', '2025-01-01', '2025-01-10'), 2740);
    // 1 cent × 183 / 365 = 0.501… → 1 cent; × 182 / 365 → 0
    assert.equal(prorateYearlyCents(1, '2025-01-01', '2025-01-01', '2025-07-02'), 1);
    assert.equal(prorateYearlyCents(1, '2025-01-01', '2025-01-01', '2025-07-01'), 0);
  });

  it('cuts a period across two subscription years at the anniversary', () => {
    // Subscription from 1 September 2023 (its second year holds 29 February 2024: 366 days).
    // Declared 1 January 2024 → 31 December 2024: 244 days of year 1 (366) + 122 days of year 2 (365).
    const expected = Math.round((365_000 * 244) / 366) + Math.round((365_000 * 122) / 365);
    assert.equal(prorateYearlyCents(365_000, '2023-09-01', '2024-01-01', '2024-12-31'), expected);
  });

  it('declaring a year in two halves adds up to the year within a cent', () => {
    const whole = prorateYearlyCents(123_457, '2025-09-01', '2025-09-01', '2026-08-31');
    const halves =
      prorateYearlyCents(123_457, '2025-09-01', '2025-09-01', '2026-02-28') +
      prorateYearlyCents(123_457, '2025-09-01', '2026-03-01', '2026-08-31');
    assert.ok(Math.abs(whole - halves) <= 1, `${whole} vs ${halves}`);
    assert.equal(prorateYearlyCents(0, '2025-09-01', '2025-09-01', '2026-08-31'), 0);
  });
});
