import { Validator } from '@cfworker/json-schema';
import { parse } from 'yaml';

const CONTRACT_ID = 'https://buergerportal-widgets.test/openapi.json';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
}

interface Operation {
  parameters?: Array<Parameter | { $ref: string }>;
  responses: Record<string, { content?: Record<string, { schema?: unknown }>; $ref?: string }>;
}

type Contract = {
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, Record<string, unknown>>;
};

let contract: Promise<Contract> | undefined;

/** The contract `src/api/openapi.yaml`, parsed. */
export function loadContract(): Promise<Contract> {
  contract ??= fetch('/src/api/openapi.yaml')
    .then((response) => response.text())
    .then((text) => parse(text) as Contract);
  return contract;
}

/** The contract's path template that `path` matches, e.g. `/kassenzeichen/{id}`. */
function matchPath(doc: Contract, path: string): string | undefined {
  return Object.keys(doc.paths).find((template) => {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    return pattern.test(path);
  });
}

export interface ContractViolation {
  request: string;
  problem: string;
}

/**
 * Checks one answer against the contract: the status must be declared for the
 * operation, and the body must match that response's schema.
 */
export async function checkAgainstContract(
  method: string,
  path: string,
  status: number,
  contentType: string | null,
  body: unknown,
): Promise<ContractViolation[]> {
  const doc = await loadContract();
  const request = `${method} ${path} → ${status}`;
  const template = matchPath(doc, path);
  const operation = template ? doc.paths[template][method.toLowerCase()] : undefined;
  if (!operation) return [{ request, problem: 'operation not in the contract' }];
  let pointer = `#/paths/${escapePointer(template!)}/${method.toLowerCase()}/responses/${status}`;
  let response = operation.responses[String(status)];
  if (!response) return [{ request, problem: `status ${status} not declared` }];
  if (response.$ref) {
    pointer = response.$ref;
    response = resolveRef(doc, response.$ref) as typeof response;
  }
  const media = response.content ? Object.keys(response.content)[0] : undefined;
  if (!media) return body === undefined ? [] : [{ request, problem: 'body where the contract has none' }];
  if (!contentType?.startsWith(media)) return [{ request, problem: `content type ${contentType}, expected ${media}` }];
  const schema = { $ref: `${CONTRACT_ID}${pointer}/content/${escapePointer(media)}/schema` };
  const validator = new Validator(schema, '2020-12', false);
  validator.addSchema(doc as never, CONTRACT_ID);
  const result = validator.validate(body);
  return result.valid ? [] : [{ request, problem: JSON.stringify(result.errors.slice(-3)) }];
}

/** The header parameters the contract requires for a request (`Idempotency-Key`); none for a request it does not know. */
export async function requiredHeaders(method: string, path: string): Promise<string[]> {
  const doc = await loadContract();
  const template = matchPath(doc, path);
  const operation = template ? doc.paths[template][method.toLowerCase()] : undefined;
  return (operation?.parameters ?? [])
    .map((parameter) => ('$ref' in parameter ? (resolveRef(doc, parameter.$ref) as Parameter) : parameter))
    .filter((parameter) => parameter.in === 'header' && parameter.required)
    .map((parameter) => parameter.name);
}

function resolveRef(doc: Contract, ref: string): unknown {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], doc);
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
