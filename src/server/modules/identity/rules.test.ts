import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  claimAt,
  decryptSecret,
  encryptSecret,
  groupsOf,
  issuerPolicy,
  rolesFromGroups,
  uaisFromGroups,
  verifiedEmail,
} from './rules.ts';

describe('claims', () => {
  it('reads plain, dotted and nested claim paths', () => {
    const claims = { email: 'a@b.fr', realm_access: { roles: ['x', 'y'] }, 'ext.groups': ['z'] };
    assert.equal(claimAt(claims, 'email'), 'a@b.fr');
    assert.deepEqual(claimAt(claims, 'realm_access.roles'), ['x', 'y']);
    assert.deepEqual(claimAt(claims, 'ext.groups'), ['z']);
    assert.equal(claimAt(claims, 'realm_access.roles.0'), undefined);
    assert.equal(claimAt(claims, 'missing.path'), undefined);
  });

  it('takes groups as a list of strings, a single string as one group, anything else as none', () => {
    assert.deepEqual(groupsOf({ groups: ['a', 'a', 3, '', 'b'] }, 'groups'), ['a', 'b']);
    assert.deepEqual(groupsOf({ groups: 'a' }, 'groups'), ['a']);
    assert.deepEqual(groupsOf({ groups: { a: 1 } }, 'groups'), []);
    assert.deepEqual(groupsOf({}, 'groups'), []);
  });

  it('accepts only a verified e-mail, lower-cased', () => {
    assert.equal(verifiedEmail({ email: ' A@Ville.FR', email_verified: true }, 'email'), 'a@ville.fr');
    assert.equal(verifiedEmail({ email: 'a@ville.fr', email_verified: 'true' }, 'email'), 'a@ville.fr');
    assert.equal(verifiedEmail({ email: 'a@ville.fr', email_verified: false }, 'email'), null);
    assert.equal(verifiedEmail({ email: 'a@ville.fr' }, 'email'), null);
    assert.equal(verifiedEmail({ email: 'not an email', email_verified: true }, 'email'), null);
  });
});

describe('group mappings', () => {
  const roles = [
    { group: 'profs', role: 'teacher' as const },
    { group: 'dsi', role: 'technician' as const },
    { group: 'dsi', role: 'manager' as const },
  ];
  it('gives the mapped roles, in the order of the role list, and nothing for unmapped groups', () => {
    assert.deepEqual(rolesFromGroups(['dsi', 'profs'], roles), ['manager', 'technician', 'teacher']);
    assert.deepEqual(rolesFromGroups(['cantine'], roles), []);
    assert.deepEqual(rolesFromGroups([], roles), []);
  });
  it('gives the mapped schools, unique and sorted', () => {
    const schools = [
      { group: 'g1', uai: '0720002B' },
      { group: 'g2', uai: '0720001A' },
      { group: 'g3', uai: '0720001A' },
    ];
    assert.deepEqual(uaisFromGroups(['g1', 'g2', 'g3'], schools), ['0720001A', '0720002B']);
    assert.deepEqual(uaisFromGroups(['other'], schools), []);
  });
});

describe('issuer policy', () => {
  it('wants https, allows http on loopback outside production only', () => {
    assert.equal(issuerPolicy('https://sso.ville.fr/realms/agents', 'production'), 'https');
    assert.equal(issuerPolicy('http://127.0.0.1:8080', 'test'), 'insecure');
    assert.equal(issuerPolicy('http://localhost:8080', 'development'), 'insecure');
    assert.equal(issuerPolicy('http://127.0.0.1:8080', 'production'), null);
    assert.equal(issuerPolicy('http://sso.ville.fr', 'development'), null);
    assert.equal(issuerPolicy('not a url', 'test'), null);
  });
});

describe('secret encryption', () => {
  it('round-trips, differs at each encryption, and refuses another key or an altered blob', () => {
    const key = randomBytes(32);
    const a = encryptSecret(key, 'client secret');
    const b = encryptSecret(key, 'client secret');
    assert.notEqual(a, b);
    assert.ok(!a.includes('client secret'));
    assert.equal(decryptSecret(key, a), 'client secret');
    assert.equal(decryptSecret(randomBytes(32), a), null);
    const parts = a.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    assert.equal(decryptSecret(key, parts.join('.')), null);
    assert.equal(decryptSecret(key, 'garbage'), null);
  });
});
