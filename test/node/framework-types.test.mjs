import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { renderGuide } from '../../scripts/editor-guide.mjs';
import { writeFrameworkTypes } from '../../scripts/framework-types.mjs';
import { renderPlugin } from '../../scripts/wordpress-plugin.mjs';

/*
 * The generated framework typings (dist/types/frameworks, from the manifest)
 * as an app developer meets them: a .tsx for React 19, Preact and Solid and a
 * .vue file (vue-tsc, strict templates) use both elements with attributes,
 * properties and events and compile; a wrong value of `provider` does not.
 * The fixtures import the package by its own name, as an app would. Every
 * public member carries its type from the sources: a member the manifest
 * leaves untyped stops the generators instead of becoming a `string`.
 */

const run = promisify(execFile);
const DIR = 'test/frameworks';

async function compile(tool, config) {
  try {
    await run('npx', [tool, '-p', `${DIR}/${config}`], { encoding: 'utf8' });
    return '';
  } catch (error) {
    return `${error.stdout ?? ''}${error.stderr ?? ''}` || String(error);
  }
}

test('React 19, Preact, Solid and Vue apps using both elements type-check', async () => {
  const results = await Promise.all([
    compile('tsc', 'tsconfig.react.json'),
    compile('tsc', 'tsconfig.preact.json'),
    compile('tsc', 'tsconfig.solid.json'),
    compile('vue-tsc', 'tsconfig.vue.json'),
  ]);
  assert.deepEqual(results, ['', '', '', '']);
});

test('a wrong value of provider fails in React and in Vue', async () => {
  const [react, vue] = await Promise.all([compile('tsc', 'tsconfig.react-wrong.json'), compile('vue-tsc', 'tsconfig.vue-wrong.json')]);
  assert.match(react, /"google"' is not assignable to type '"servicekonto-nrw" \| "bundid"/);
  assert.match(vue, /"google"' is not assignable to type '"servicekonto-nrw" \| "bundid"/);
});

test('VS Code custom data lists both tags with their attributes and fixed values', () => {
  const data = JSON.parse(readFileSync('dist/vscode.html-custom-data.json', 'utf8'));
  const login = data.tags.find((tag) => tag.name === 'servicekonto-login');
  assert.deepEqual(login.attributes.find((a) => a.name === 'provider').values, [{ name: 'servicekonto-nrw' }, { name: 'bundid' }]);
  assert.ok(data.tags.some((tag) => tag.name === 'kassenzeichen-manager'));
});

test('idle-timeout is a number in the React, Preact, Solid and Vue types, as in the class', () => {
  for (const framework of ['react', 'preact', 'solid', 'vue']) {
    const types = readFileSync(`dist/types/frameworks/${framework}.d.ts`, 'utf8');
    assert.match(types, /\n {2}idleTimeout\?: number;/, framework);
  }
});

test('a public member without a type in the manifest stops every generator that reads it', () => {
  const untyped = {
    modules: [
      {
        path: 'src/x.ts',
        declarations: [
          {
            kind: 'class',
            name: 'XWidget',
            tagName: 'x-widget',
            customElement: true,
            attributes: [{ name: 'idle-timeout', fieldName: 'idleTimeout' }],
            members: [
              { kind: 'field', name: 'idleTimeout', attribute: 'idle-timeout' },
              { kind: 'field', name: 'hidden', privacy: 'private' },
            ],
          },
        ],
      },
    ],
  };
  const named = /public members without a type: x-widget\.\[idle-timeout\], x-widget\.idleTimeout\./;
  assert.throws(() => writeFrameworkTypes(untyped, '.tmp/untyped-types'), named);
  assert.throws(() => renderGuide(untyped), named);
  assert.throws(() => renderPlugin(untyped, '0.0.0'), named);
});
