/** The subset of JSON Schema (draft-07) used by rule options and the config file. */
export interface JsonSchema {
  $schema?: string;
  $id?: string;
  title?: string;
  description?: string;
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null' | Array<'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null'>;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  patternProperties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema | JsonSchema[];
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  pattern?: string;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  default?: unknown;
  definitions?: Record<string, JsonSchema>;
  $ref?: string;
}

export interface SchemaError {
  /** Where the problem is, as a dotted path (`rules.foo[1].bar`). */
  path: string;
  message: string;
}

/** Validate `value` against `schema`; returns the problems found (empty when valid). */
export function validateSchema(value: unknown, schema: JsonSchema, path = '', root: JsonSchema = schema): SchemaError[] {
  if (schema.$ref) {
    const name = schema.$ref.replace(/^#\/definitions\//, '');
    const target = root.definitions?.[name];
    return target ? validateSchema(value, target, path, root) : [{ path, message: `unknown schema reference ${schema.$ref}` }];
  }
  const errors: SchemaError[] = [];
  const at = path || '(root)';
  if (schema.oneOf || schema.anyOf) {
    const options = (schema.oneOf ?? schema.anyOf) as JsonSchema[];
    const results = options.map((s) => validateSchema(value, s, path, root));
    const passing = results.filter((r) => r.length === 0).length;
    if (passing === 0) {
      const best = results.reduce((a, b) => (b.length < a.length ? b : a));
      return best.length > 0 ? best : [{ path: at, message: 'does not match any allowed form' }];
    }
    if (schema.oneOf && passing > 1) return [{ path: at, message: 'matches more than one allowed form' }];
  }
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => matchesType(value, t))) {
      return [{ path: at, message: `must be ${types.join(' or ')}, got ${describe(value)}` }];
    }
  }
  if (schema.enum && !schema.enum.some((e) => e === value)) {
    errors.push({ path: at, message: `must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}, got ${JSON.stringify(value)}` });
  }
  if (schema.const !== undefined && schema.const !== value) {
    errors.push({ path: at, message: `must be ${JSON.stringify(schema.const)}` });
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) errors.push({ path: at, message: `must have at least ${schema.minLength} characters` });
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) errors.push({ path: at, message: `must match ${schema.pattern}` });
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) errors.push({ path: at, message: `must be >= ${schema.minimum}` });
    if (schema.maximum !== undefined && value > schema.maximum) errors.push({ path: at, message: `must be <= ${schema.maximum}` });
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) errors.push({ path: at, message: `must have at least ${schema.minItems} items` });
    if (schema.maxItems !== undefined && value.length > schema.maxItems) errors.push({ path: at, message: `must have at most ${schema.maxItems} items` });
    if (schema.items) {
      value.forEach((item, i) => {
        const itemSchema = Array.isArray(schema.items) ? schema.items[i] : schema.items;
        if (itemSchema) errors.push(...validateSchema(item, itemSchema, `${path}[${i}]`, root));
      });
    }
  }
  if (isPlainObject(value)) {
    for (const key of schema.required ?? []) {
      if (!(key in value)) errors.push({ path: at, message: `must have property "${key}"` });
    }
    for (const [key, v] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key;
      const prop = schema.properties?.[key];
      if (prop) {
        errors.push(...validateSchema(v, prop, childPath, root));
        continue;
      }
      const patternEntry = Object.entries(schema.patternProperties ?? {}).find(([p]) => new RegExp(p, 'u').test(key));
      if (patternEntry) {
        errors.push(...validateSchema(v, patternEntry[1], childPath, root));
        continue;
      }
      if (schema.additionalProperties === false) errors.push({ path: childPath, message: 'is not an allowed property' });
      else if (typeof schema.additionalProperties === 'object') errors.push(...validateSchema(v, schema.additionalProperties, childPath, root));
    }
  }
  return errors;
}

function matchesType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return isPlainObject(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'null':
      return value === null;
    default:
      return typeof value === type;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
