import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { schoolScope } from '../server/modules/auth/actor.ts';
import { ALL_PERMISSIONS, can, PERMISSIONS, permissionsOf } from './permissions.ts';
import { ROLES } from './roles.ts';

describe('permission table', () => {
  it('denies by default: no role, unknown action', () => {
    for (const p of ALL_PERMISSIONS) assert.equal(can([], p), false);
    assert.equal(can(['admin'], 'nuclear.launch' as never), false);
  });

  it('matches the table for every role × action', () => {
    for (const role of ROLES) {
      for (const p of ALL_PERMISSIONS) {
        assert.equal(can([role], p), (PERMISSIONS[p] as readonly string[]).includes(role), `${role} ${p}`);
      }
    }
  });

  it('gives the documented reach to key roles', () => {
    assert.ok(permissionsOf(['admin']).includes('users.manage'));
    assert.ok(!permissionsOf(['manager']).includes('users.manage'));
    assert.ok(permissionsOf(['auditor']).includes('audit.read'));
    assert.ok(!permissionsOf(['auditor']).includes('users.manage'), 'auditors are read-only');
    for (const role of ['director', 'teacher', 'periscolaire'] as const) {
      assert.ok(!permissionsOf([role]).includes('audit.read'));
      assert.ok(!permissionsOf([role]).includes('users.read'));
    }
  });

  it('combines roles as a union', () => {
    assert.deepEqual(
      permissionsOf(['teacher', 'auditor']).sort(),
      [...new Set([...permissionsOf(['teacher']), ...permissionsOf(['auditor'])])].sort(),
    );
  });
});

describe('school scope', () => {
  it('is the attached schools for school roles, all for organisation roles', () => {
    assert.deepEqual(schoolScope({ roles: ['director'], schoolIds: ['s1'] }), ['s1']);
    assert.deepEqual(schoolScope({ roles: ['teacher'], schoolIds: [] }), []);
    assert.equal(schoolScope({ roles: ['manager'], schoolIds: ['s1'] }), 'all');
    assert.equal(schoolScope({ roles: ['technician'], schoolIds: [] }), 'all');
    assert.deepEqual(schoolScope({ roles: ['technician'], schoolIds: ['s2'] }), ['s2']);
    assert.equal(schoolScope({ roles: ['teacher', 'auditor'], schoolIds: ['s1'] }), 'all');
  });
});
