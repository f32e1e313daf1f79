import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import SwaggerParser from '@apidevtools/swagger-parser';
import { generate } from '../scripts/openapi.ts';

const root = path.resolve(import.meta.dirname, '..');

describe('OpenAPI', () => {
  it('the committed spec and web client types are current (run `npm run openapi` when this fails)', async () => {
    const { spec, types } = await generate();
    assert.equal(
      fs.readFileSync(path.join(root, 'openapi', 'openapi.json'), 'utf8'),
      spec,
      'openapi/openapi.json is stale',
    );
    assert.equal(
      fs.readFileSync(path.join(root, 'src', 'web', 'api', 'schema.d.ts'), 'utf8'),
      types,
      'src/web/api/schema.d.ts is stale',
    );
  });

  it('validates with an independent OpenAPI 3.1 validator', async () => {
    const document = JSON.parse(fs.readFileSync(path.join(root, 'openapi', 'openapi.json'), 'utf8'));
    const api = (await SwaggerParser.validate(document)) as { openapi: string; paths: Record<string, unknown> };
    assert.equal(api.openapi, '3.1.0');
    assert.ok(Object.keys(api.paths).length >= 10);
  });

  it('declares every operation with a summary, a tag and problem+json errors', () => {
    const document = JSON.parse(fs.readFileSync(path.join(root, 'openapi', 'openapi.json'), 'utf8')) as {
      paths: Record<
        string,
        Record<
          string,
          { summary?: string; tags?: string[]; responses: Record<string, { content?: Record<string, unknown> }> }
        >
      >;
    };
    for (const [p, ops] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        assert.ok(op.summary, `${method} ${p} has a summary`);
        assert.ok(op.tags?.length, `${method} ${p} has a tag`);
        for (const [status, response] of Object.entries(op.responses)) {
          if (Number(status) >= 400)
            assert.ok(response.content?.['application/problem+json'], `${method} ${p} ${status} is problem+json`);
        }
      }
    }
  });
});
