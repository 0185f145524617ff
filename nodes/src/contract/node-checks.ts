// The checks `defineNode` runs for a node's author: at declaration (ids, failure port, example)
// and on every `run` (the returned port). Messages name the type, the file and the fix.
import type { z } from 'zod';
import type { NodeResult, NodeSpec } from './define-node';
import { authorError } from './node-errors';

/**
 * `acme.send_coupon`: lower-case segments joined by dots, the first one the namespace.
 * @example NODE_TYPE_ID.test('acme.send_coupon') // true; NODE_TYPE_ID.test('SendCoupon') // false
 */
export const NODE_TYPE_ID = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

/**
 * A zod error as one line, each issue with its path: what author errors and tests print.
 * @example describeIssues(schema.safeParse({ url: 'x' }).error!) // 'url: Invalid URL'
 */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'config'}: ${i.message}`).join('; ');
}

/**
 * The file that called `defineNode` (the frame after this module's own), repo-relative when
 * possible; undefined where the stack has no file paths (some bundles).
 * @example callerFile() // 'custom-nodes/src/webhook.node.ts'
 */
export function callerFile(): string | undefined {
  const frames = new Error().stack?.split('\n').slice(1) ?? [];
  for (const frame of frames) {
    const match = /((?:file:\/\/)?\/[^():\s]+\.[cm]?[jt]sx?)(?::\d+){0,2}\)?\s*$/.exec(frame);
    const file = match?.[1]?.replace(/^file:\/\//, '');
    if (!file || /contract\/(define-node|node-checks)\.ts$/.test(file)) continue;
    const cwd = typeof process === 'undefined' ? undefined : process.cwd?.();
    return cwd && file.startsWith(`${cwd}/`) ? file.slice(cwd.length + 1) : file;
  }
  return undefined;
}

/**
 * Refuses a declaration that cannot work, when the module loads.
 * @example checkDeclaration(spec, 'custom-nodes/src/webhook.node.ts') // throws NodeAuthorError
 */
export function checkDeclaration<S extends z.ZodType, P extends string>(
  spec: NodeSpec<S, P>,
  file: string | undefined,
): void {
  const fail = (problem: string) => {
    throw authorError(spec.type, problem, file);
  };
  if (!NODE_TYPE_ID.test(spec.type))
    fail('has an invalid type id: use lower-case dotted segments, e.g. "acme.send_coupon".');
  if (!Number.isInteger(spec.version) || spec.version < 1)
    fail(`has version ${spec.version}: use a whole number from 1, bumped when the config changes.`);
  const parsed = spec.config.safeParse(spec.example);
  if (!parsed.success) {
    fail(
      `has an example that fails its own config schema (${describeIssues(parsed.error)}): fix \`example\`.`,
    );
  }
  if (spec.kind === 'action' && spec.failurePort !== undefined && Array.isArray(spec.ports)) {
    const ports: readonly string[] = spec.ports;
    if (!ports.includes(spec.failurePort))
      fail(
        `declares failurePort "${spec.failurePort}", which is not one of its ports (${ports.join(', ')}): add it to \`ports\`.`,
      );
  }
}

/**
 * Throws when `run` returned a port the node does not declare for this config.
 * @example assertDeclaredPort('acme.webhook', ['sent', 'failed'], { port: 'ok' }, 'hook', file)
 */
export function assertDeclaredPort(
  type: string,
  declared: readonly string[],
  result: NodeResult | undefined,
  nodeId: string,
  file: string | undefined,
): void {
  const port: unknown = result?.port;
  if (typeof port === 'string' && declared.includes(port)) return;
  const listed = declared.join(', ') || 'none';
  const what = typeof port === 'string' ? `port "${port}"` : `${JSON.stringify(result)} (no port)`;
  throw authorError(
    type,
    `returned ${what} at node "${nodeId}", which it does not declare. Declared ports: ${listed}. ` +
      `Return one of them from run(), or add it to \`ports\` in the node's file.`,
    file,
  );
}
