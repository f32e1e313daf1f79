import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkPasswordStrength, decideThrottle, newApiToken, normaliseEmail, safeEqual, sha256 } from './rules.ts';

describe('password strength', () => {
  it('accepts passphrases and long passwords, refuses the rest with a reason', () => {
    assert.equal(checkPasswordStrength('correct horse battery staple'), null);
    assert.equal(checkPasswordStrength('Tr0ub4dor&3xyz'), null);
    assert.equal(checkPasswordStrength('short'), 'too_short');
    assert.equal(checkPasswordStrength('motdepasse123'), 'too_common');
    assert.equal(checkPasswordStrength('aaaaaaaaaaaaaaaa'), 'too_repetitive');
    assert.equal(checkPasswordStrength('ababababababab'), 'too_repetitive');
    assert.equal(checkPasswordStrength('marie.curie2026!', 'Marie.Curie@example.org'), 'contains_email');
    assert.equal(checkPasswordStrength('x'.repeat(257)), 'too_long');
  });

  it('counts characters, not bytes', () => {
    assert.equal(checkPasswordStrength('éééééééééééé'), 'too_repetitive');
    assert.equal(checkPasswordStrength('été à la mer'), null); // 12 characters
    assert.equal(checkPasswordStrength('été à la me'), 'too_short');
  });

  it('never accepts fewer than 12 characters (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 11 }), (p) => checkPasswordStrength(p) !== null));
  });
});

describe('login throttle decision', () => {
  const now = new Date('2026-11-28T12:00:00Z');
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

  it('blocks at the threshold and says when to retry', () => {
    assert.deepEqual(decideThrottle([ago(1), ago(2), ago(3), ago(4)], now, 15, 5), { blocked: false, retryAfter: 0 });
    const d = decideThrottle([ago(1), ago(2), ago(3), ago(4), ago(10)], now, 15, 5);
    assert.equal(d.blocked, true);
    assert.equal(d.retryAfter, 5 * 60); // the oldest leaves the window in 5 minutes
  });

  it('ignores failures outside the window', () => {
    assert.equal(decideThrottle([ago(16), ago(20), ago(30), ago(40), ago(1)], now, 15, 5).blocked, false);
  });

  it('blocked ⇔ at least max failures in the window; retryAfter within the window (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 * 60 }), { maxLength: 30 }),
        fc.integer({ min: 1, max: 10 }),
        (secondsAgo, max) => {
          const failures = secondsAgo.map((s) => new Date(now.getTime() - s * 1000));
          const inWindow = secondsAgo.filter((s) => s < 15 * 60).length;
          const d = decideThrottle(failures, now, 15, max);
          assert.equal(d.blocked, inWindow >= max);
          if (d.blocked) assert.ok(d.retryAfter >= 1 && d.retryAfter <= 15 * 60);
        },
      ),
    );
  });
});

describe('secrets', () => {
  it('API tokens are random, prefixed, and hashed with SHA-256', () => {
    const a = newApiToken();
    const b = newApiToken();
    assert.notEqual(a.token, b.token);
    assert.match(a.token, /^socle_pat_[A-Za-z0-9_-]{43}$/);
    assert.equal(a.hash, sha256(a.token));
    assert.ok(a.token.startsWith(a.prefix));
  });

  it('compares in constant time and normalises e-mails', () => {
    assert.equal(safeEqual('abc', 'abc'), true);
    assert.equal(safeEqual('abc', 'abd'), false);
    assert.equal(safeEqual('abc', 'abcd'), false);
    assert.equal(normaliseEmail('  Jean.Dupont@Mairie.FR '), 'jean.dupont@mairie.fr');
  });
});
