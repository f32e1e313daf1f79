import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, json, type TestApp } from '../../../../test/helpers/app.ts';
import { type LoanWorld, loanWorld } from '../../../../test/helpers/loan-world.ts';
import { rows } from '../../db/connection.ts';
import { loadSecrets } from '../../secrets.ts';
import { familyToken } from './rules.ts';
import { purgePersonalData } from './service.ts';

type Inbox = {
  items: {
    id: string;
    loanId: string;
    category: string;
    text: string;
    household: { pseudonym: string };
    handledAt: string | null;
    handledBy: { displayName: string } | null;
  }[];
  total: number;
  unhandled: number;
};

// Unusual enough to be searched for in every table after the purge.
const TEXT = 'La tablette ne s’allume plus depuis la chute du vélocipède astral';

let t: TestApp;
let w: LoanWorld;

before(async () => {
  t = await createTestApp();
  w = await loanWorld(t);
});
after(() => t.close());

const messageCount = async (loanId: string) =>
  Number(
    (
      await rows<{ n: number }>(t.db.owner, sql`SELECT count(*)::int AS n FROM loan_messages WHERE loan_id = ${loanId}`)
    )[0]?.n,
  );

describe('family "report a problem"', () => {
  it('reaches the school through the signed link and tells the family nothing else', async () => {
    const loan = await w.lend(w.schools.repPlus);
    const token = await w.token(loan.loanId);
    const family = t.agent();
    const sent = await family.post(`/api/public/family/${token}/messages`, { category: 'breakdown', text: TEXT });
    assert.equal(sent.statusCode, 201, sent.body);
    const receipt = json<Record<string, unknown>>(sent);
    assert.deepEqual(Object.keys(receipt).sort(), ['received', 'receivedAt']);
    assert.equal(receipt.received, true);
    for (const secret of ['Fictive', 'Séraphin', 'Lactose', loan.device.tag, loan.loanId, w.schools.repPlus]) {
      assert.ok(!sent.body.includes(secret), `the answer does not expose ${secret}`);
    }

    // The school's side: the director of the school and the managers.
    const inbox = json<Inbox>(await w.as('director').get(`/api/loans/messages?schoolId=${w.schools.repPlus}`));
    assert.equal(inbox.unhandled, 1);
    assert.deepEqual(
      inbox.items.map((m) => [m.loanId, m.category, m.text]),
      [[loan.loanId, 'breakdown', TEXT]],
    );
    const ofLoan = json<Inbox>(await w.as('manager').get(`/api/loans/${loan.loanId}/messages`));
    assert.equal(ofLoan.items[0]?.text, TEXT);
    const reads = await rows<{ n: number }>(
      t.db.owner,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'household.read' AND after->>'document' = 'messages'`,
    );
    assert.equal(Number(reads[0]?.n), 2, 'each read of the text is audited');
    const audit = await rows<{ t: string }>(
      t.db.owner,
      sql`SELECT coalesce(before::text, '') || coalesce(after::text, '') AS t FROM audit_events`,
    );
    assert.ok(
      audit.every((a) => !a.t.includes('vélocipède')),
      'the text never goes into the audit trail',
    );
    // Others: not their school, or not their role.
    assert.equal(
      json<Inbox>(await w.as('directorPlain').get('/api/loans/messages')).total,
      0,
      "another school's director",
    );
    assert.equal((await w.as('directorPlain').get(`/api/loans/${loan.loanId}/messages`)).statusCode, 404);
    for (const role of ['technician', 'teacher', 'auditor']) {
      assert.equal((await w.as(role).get('/api/loans/messages')).statusCode, 403, role);
    }

    const id = inbox.items[0]?.id as string;
    assert.equal(
      (await w.as('directorPlain').post(`/api/loans/messages/${id}/handled`, { handled: true })).statusCode,
      404,
    );
    const handled = await w.as('director').post(`/api/loans/messages/${id}/handled`, { handled: true });
    assert.equal(handled.statusCode, 200, handled.body);
    assert.ok(json<{ handledAt: string | null }>(handled).handledAt);
    const waiting = json<Inbox>(await w.as('manager').get('/api/loans/messages?handled=false'));
    assert.equal(waiting.items.length, 0);
    assert.equal(waiting.unhandled, 0);
    const done = json<Inbox>(await w.as('manager').get('/api/loans/messages?handled=true'));
    assert.ok(done.items[0]?.handledBy?.displayName);
  });

  it('a tampered, revoked or expired link → 404/410 and nothing is written; bad input → 400', async () => {
    const loan = await w.lend(w.schools.repPlus);
    const token = await w.token(loan.loanId);
    const family = t.agent();
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    const r1 = await family.post(`/api/public/family/${tampered}/messages`, { category: 'question', text: 'x' });
    assert.equal(r1.statusCode, 404);
    assert.equal(json<{ code: string }>(r1).code, 'LINK_INVALID');
    const otherLoan = await w.lend(w.schools.repPlus);
    const [head, day, signature] = token.split('.');
    const [otherHead] = (await w.token(otherLoan.loanId)).split('.');
    assert.equal(
      (
        await family.post(`/api/public/family/${otherHead}.${day}.${signature}/messages`, {
          category: 'question',
          text: 'x',
        })
      ).statusCode,
      404,
      'a signature moved to another loan',
    );
    assert.ok(head);
    const secrets = await loadSecrets(t.db, t.config);
    const [nonce] = await rows<{ link_nonce: string }>(
      t.db.owner,
      sql`SELECT link_nonce FROM loans WHERE id = ${loan.loanId}`,
    );
    const expired = familyToken(secrets, loan.loanId, nonce?.link_nonce as string, new Date(Date.now() - 86_400_000));
    assert.equal(
      (await family.post(`/api/public/family/${expired}/messages`, { category: 'question', text: 'x' })).statusCode,
      410,
    );
    for (const body of [
      { category: 'question' },
      { category: 'complaint', text: 'x' },
      { category: 'question', text: 'x'.repeat(2001) },
      { category: 'question', text: '   ' },
      { category: 'question', text: 'x', email: 'a@b.c' },
    ]) {
      assert.equal(
        (await family.post(`/api/public/family/${token}/messages`, body)).statusCode,
        400,
        JSON.stringify(body),
      );
    }
    await w.as('manager').post(`/api/loans/${loan.loanId}/link`, { revokePrevious: true });
    assert.equal(
      (await family.post(`/api/public/family/${token}/messages`, { category: 'question', text: 'x' })).statusCode,
      404,
      'revoked',
    );
    assert.equal(await messageCount(loan.loanId), 0, 'nothing was written');
  });

  it('is rate-limited per loan: 5 an hour, then 429 with Retry-After', async () => {
    const loan = await w.lend(w.schools.plain);
    const token = await w.token(loan.loanId);
    const family = t.agent();
    for (let i = 0; i < 5; i++) {
      const r = await family.post(`/api/public/family/${token}/messages`, { category: 'question', text: `q${i}` });
      assert.equal(r.statusCode, 201, r.body);
    }
    const limited = await family.post(`/api/public/family/${token}/messages`, { category: 'question', text: 'q6' });
    assert.equal(limited.statusCode, 429);
    assert.equal(json<{ code: string }>(limited).code, 'TOO_MANY_REQUESTS');
    const retry = Number(limited.headers['retry-after']);
    assert.ok(retry > 3000 && retry <= 3600, String(retry));
    assert.equal(await messageCount(loan.loanId), 5);
    // An hour later, the family can write again.
    await t.db.owner.execute(
      sql`UPDATE loan_messages SET created_at = created_at - interval '61 minutes' WHERE loan_id = ${loan.loanId}`,
    );
    assert.equal(
      (await family.post(`/api/public/family/${token}/messages`, { category: 'question', text: 'q7' })).statusCode,
      201,
    );
  });
});

describe('retention', () => {
  it('the purge deletes the messages with the rest of the personal data', async () => {
    const loan = await w.lend(w.schools.rep);
    const token = await w.token(loan.loanId);
    const keep = await w.lend(w.schools.rep);
    const keepToken = await w.token(keep.loanId);
    await t.agent().post(`/api/public/family/${token}/messages`, {
      category: 'theft',
      text: 'Volée à la gare de Tralala-sur-Sarthe',
    });
    await t.agent().post(`/api/public/family/${keepToken}/messages`, { category: 'question', text: 'encore là' });
    const back = await w.as('manager').post('/api/loans/return-drive/returns', {
      school: w.schools.rep,
      tags: loan.tags,
      wiped: true,
    });
    assert.equal(json<{ returned: number }>(back).returned, 1, back.body);
    assert.equal(await messageCount(loan.loanId), 1);
    const everywhere = async () => {
      const tables = await rows<{ table_name: string }>(
        t.db.owner,
        sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
      );
      const hits: string[] = [];
      for (const { table_name } of tables) {
        const found = await rows<{ t: string }>(t.db.owner, sql.raw(`SELECT t::text AS t FROM "${table_name}" t`));
        for (const row of found) if (row.t.includes('Tralala')) hits.push(table_name);
      }
      return hits;
    };
    assert.deepEqual(await everywhere(), ['loan_messages']);
    const later = new Date(Date.now() + 91 * 86_400_000);
    assert.ok((await purgePersonalData(t.db, t.config, later)).households >= 1);
    assert.equal(await messageCount(loan.loanId), 0);
    assert.deepEqual(await everywhere(), [], 'the text is nowhere any more');
    assert.equal(await messageCount(keep.loanId), 1, 'a loan still open keeps its messages');
  });
});
