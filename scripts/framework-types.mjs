// Writes the framework typings and editor data from custom-elements.json:
// JSX for React 19, Preact and Solid, Vue's GlobalComponents, and VS Code's
// HTML custom data. They cannot drift from the elements: the manifest is
// generated from the sources, and a test compiles a .tsx and a .vue file
// against these files. A member without a type stops the generator
// (manifest-elements.mjs): there is no fallback type.
// Usage: node scripts/framework-types.mjs [outdir]   (default dist)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { elementsOf } from './manifest-elements.mjs';

const HEADER = '// Generated from custom-elements.json by scripts/framework-types.mjs. Do not edit.\n';

const camel = (name) => name.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
const pascal = (name) => camel(name).replace(/^[a-z]/, (letter) => letter.toUpperCase());
const quote = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);
const doc = (text) => (text ? `  /** ${text.replace(/\*\//g, '*\\/').replace(/\s+/g, ' ')} */\n` : '');

/** `provider?: 'servicekonto-nrw' | 'bundid';` for each attribute, by its property name. */
function propertyLines(element) {
  return (element.attributes ?? [])
    .filter((attribute) => attribute.fieldName)
    .map((attribute) => `${doc(attribute.description)}  ${quote(attribute.fieldName)}?: ${attribute.type.text};`)
    .join('\n');
}

function eventLines(element, key) {
  return (element.events ?? []).map((event) => `  ${quote(key(event.name))}?: (event: ${event.type.text}) => void;`).join('\n');
}

function imports(elements) {
  const names = new Set(elements.flatMap((element) => [element.name, ...(element.events ?? []).map((event) => event.type.text)]));
  return `import type { ${[...names].sort().join(', ')} } from '../index.js';\n`;
}

/** Properties and `on…` listeners, as React 19 and Preact set them on custom elements. */
function propsTypes(elements, eventKey) {
  return elements
    .map((element) => `export interface ${element.name}Props {\n${propertyLines(element)}\n${eventLines(element, eventKey)}\n}\n`)
    .join('\n');
}

export function reactTypes(elements) {
  const entries = elements
    .map((e) => `      '${e.tagName}': DetailedHTMLProps<HTMLAttributes<${e.name}>, ${e.name}> & ${e.name}Props;`)
    .join('\n');
  return `${HEADER}import type { DetailedHTMLProps, HTMLAttributes } from 'react';
${imports(elements)}
${propsTypes(elements, (name) => `on${name}`)}
declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${entries}
    }
  }
}
`;
}

export function preactTypes(elements) {
  const entries = elements.map((e) => `      '${e.tagName}': HTMLAttributes<${e.name}> & ${e.name}Props;`).join('\n');
  return `${HEADER}import type { HTMLAttributes } from 'preact';
${imports(elements)}
${propsTypes(elements, (name) => `on${name}`)}
declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
${entries}
    }
  }
}
`;
}

export function solidTypes(elements) {
  const props = elements
    .map((element) => {
      const plain = propertyLines(element);
      const asProperties = (element.attributes ?? [])
        .filter((attribute) => attribute.fieldName)
        .map((attribute) => `  'prop:${attribute.fieldName}'?: ${attribute.type.text};`)
        .join('\n');
      return `export interface ${element.name}Props {\n${plain}\n${asProperties}\n${eventLines(element, (name) => `on:${name}`)}\n}\n`;
    })
    .join('\n');
  const entries = elements.map((e) => `      '${e.tagName}': JSX.HTMLAttributes<${e.name}> & ${e.name}Props;`).join('\n');
  return `${HEADER}import type { JSX } from 'solid-js';
${imports(elements)}
${props}
declare module 'solid-js' {
  namespace JSX {
    interface IntrinsicElements {
${entries}
    }
  }
}
`;
}

export function vueTypes(elements) {
  const props = propsTypes(elements, (name) => `on${pascal(name)}`);
  const entries = elements.map((e) => `    '${e.tagName}': DefineComponent<${e.name}Props & HTMLAttributes>;`).join('\n');
  return `${HEADER}import type { DefineComponent, HTMLAttributes } from 'vue';
${imports(elements)}
${props}
declare module 'vue' {
  interface GlobalComponents {
${entries}
  }
}
`;
}

/** VS Code's HTML custom data: tags, attributes, their descriptions and fixed values. */
export function vscodeData(elements) {
  const values = (type) => {
    const literals = type?.text?.split('|').map((part) => part.trim().replace(/^'|'$/g, ''));
    return literals && literals.length > 1 ? literals.map((name) => ({ name })) : undefined;
  };
  return {
    version: 1.1,
    tags: elements.map((element) => ({
      name: element.tagName,
      description: element.summary ?? element.description,
      attributes: (element.attributes ?? []).map((attribute) => ({
        name: attribute.name,
        description: attribute.description,
        ...(attribute.type?.text === 'boolean' ? { valueSet: 'v' } : {}),
        ...(values(attribute.type) ? { values: values(attribute.type) } : {}),
      })),
    })),
  };
}

export function writeFrameworkTypes(manifest, outdir = 'dist') {
  const elements = elementsOf(manifest);
  const dir = join(outdir, 'types', 'frameworks');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'react.d.ts'), reactTypes(elements));
  writeFileSync(join(dir, 'preact.d.ts'), preactTypes(elements));
  writeFileSync(join(dir, 'solid.d.ts'), solidTypes(elements));
  writeFileSync(join(dir, 'vue.d.ts'), vueTypes(elements));
  writeFileSync(join(outdir, 'vscode.html-custom-data.json'), `${JSON.stringify(vscodeData(elements), null, 2)}\n`);
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  writeFrameworkTypes(manifest, process.argv[2] ?? 'dist');
  console.log('wrote framework types and VS Code custom data');
}
