import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { parse } from 'yaml';

test('src/api/openapi.yaml is valid OpenAPI 3.1', async () => {
  const document = parse(readFileSync('src/api/openapi.yaml', 'utf8'));
  assert.equal(document.openapi, '3.1.0');
  const validator = new Validator();
  const result = await validator.validate(document);
  assert.deepEqual(result.errors ?? [], []);
  assert.equal(result.valid, true);
  const resolved = await validator.validate(document);
  assert.equal(resolved.valid, true);
});
