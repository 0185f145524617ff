import { describeIssues } from '../contract/node-checks';
import type { JourneyDocument } from '../journey/document';
import type { NodeRegistry } from '../registry';

/** One node whose config was upgraded to the newest version of its type. */
export interface NodeMigration {
  nodeId: string;
  type: string;
  from: number;
  to: number;
}

/** A node that stays on its old version, and why (the author's `migrate` failed or is missing). */
export interface NodeMigrationProblem {
  nodeId: string;
  type: string;
  from: number;
  to: number;
  message: string;
}

/** What `migrateDocument` did: the upgraded document (the same object when nothing changed). */
export interface DocumentMigration {
  document: JourneyDocument;
  migrated: NodeMigration[];
  problems: NodeMigrationProblem[];
}

/**
 * Upgrades every node written for an older version of its type (its `version` is below the
 * newest registered one) through the newest definition's `migrate(oldConfig, fromVersion)`, and
 * checks the result against the new schema. Nodes without a `version` are taken as the newest, as
 * `compile` does. A node whose type declares no `migrate`, or whose migration throws or yields an
 * invalid config, keeps its old version and config (it still compiles while that version stays
 * registered) and is reported in `problems`. Published versions are never migrated: their IR
 * pins the version they were compiled with.
 * @example
 * const { document, migrated } = migrateDocument(draft, registry);
 * // migrated: [{ nodeId: 'hook', type: 'acme.webhook', from: 1, to: 2 }]
 */
export function migrateDocument(doc: JourneyDocument, registry: NodeRegistry): DocumentMigration {
  const migrated: NodeMigration[] = [];
  const problems: NodeMigrationProblem[] = [];
  const nodes = doc.nodes.map((node) => {
    const newest = registry.get(node.type);
    if (!newest || node.version === undefined || node.version >= newest.version) return node;
    const step = { nodeId: node.id, type: node.type, from: node.version, to: newest.version };
    const refuse = (message: string) => {
      problems.push({ ...step, message });
      return node;
    };
    if (!newest.migrate)
      return refuse(
        `${newest.type} v${newest.version} declares no migrate() for v${node.version}.`,
      );
    let config: unknown;
    try {
      config = newest.migrate(node.config, node.version);
    } catch (error) {
      return refuse(`migrate() threw: ${error instanceof Error ? error.message : String(error)}`);
    }
    const parsed = newest.config.safeParse(config);
    if (!parsed.success) {
      const issues = describeIssues(parsed.error);
      return refuse(`migrate() returned a config v${newest.version} refuses (${issues}).`);
    }
    migrated.push(step);
    return { ...node, version: newest.version, config };
  });
  return { document: migrated.length > 0 ? { ...doc, nodes } : doc, migrated, problems };
}
