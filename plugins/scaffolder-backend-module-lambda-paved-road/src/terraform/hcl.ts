import type { JsonValue } from '@backstage/types';

/**
 * An HCL string literal. Besides JSON's escapes, Terraform interpolates `${`
 * and `%{` in every string, so a value like `${jndi}` must be escaped to stay
 * a literal.
 */
export function hclString(value: string): string {
  return JSON.stringify(value)
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{');
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Any JSON value as an HCL expression, indented for a readable root module. */
export function hclValue(value: JsonValue | undefined, indent = ''): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return hclString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map(v => `${inner}${hclValue(v, inner)},`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return `{\n${entries
    .map(
      ([k, v]) =>
        `${inner}${IDENTIFIER.test(k) ? k : hclString(k)} = ${hclValue(v, inner)}`,
    )
    .join('\n')}\n${indent}}`;
}

/** `key = value` lines, aligned the way `terraform fmt` aligns them. */
export function hclAttributes(
  attributes: Array<[string, JsonValue | undefined]>,
  indent = '  ',
): string {
  const width = Math.max(...attributes.map(([k]) => k.length));
  return attributes
    .map(([k, v]) => `${indent}${k.padEnd(width)} = ${hclValue(v, indent)}`)
    .join('\n');
}
