import { HEADER_MEDIA_VARIABLE, listTemplates, type Db, type Template } from '@yatra/db';
import {
  defaultRegistry,
  journeyDocumentSchema,
  type CompileError,
  type JourneyDocument,
  type NodeRegistry,
} from '@yatra/nodes';
import { z } from 'zod';
import { mappingPaths, pathProblem, type PathScope } from './fact-paths';
import { scopeOf } from './send-scope';

/** What the registry says about a journey's send steps: errors block publishing, warnings don't. */
export interface TemplateCheck {
  errors: CompileError[];
  warnings: CompileError[];
}

/** A send step's config as far as templates are concerned. */
export interface SendStep {
  nodeId: string;
  channel: string;
  category: string;
  templateId: string;
  variables: Record<string, string>;
}

// The fields of a parsed `message.send` config this check reads (the node's own schema has
// already filled defaults).
const sendConfigSchema = z.object({
  channel: z.string(),
  category: z.string(),
  templateId: z.string(),
  variables: z.record(z.string(), z.string()),
});

/** The journey's `message.send` steps whose configs parse (compile reports the others). */
export function sendSteps(
  doc: JourneyDocument,
  registry: NodeRegistry = defaultRegistry,
): SendStep[] {
  return doc.nodes.flatMap((node) => {
    if (node.type !== 'message.send') return [];
    const parsed = registry.get(node.type, node.version)?.config.safeParse(node.config);
    const cfg = sendConfigSchema.safeParse(parsed?.success ? parsed.data : undefined);
    return cfg.success ? [{ nodeId: node.id, ...cfg.data }] : [];
  });
}

/** The problems of one send step against its registered template. */
export function checkSendStep(
  step: SendStep,
  template: Template | undefined,
  scope: PathScope,
): TemplateCheck {
  const at = (code: CompileError['code'], path: string, message: string): CompileError => ({
    code,
    nodeId: step.nodeId,
    path,
    message,
  });
  const name = `Template "${step.templateId}"`;
  if (!template)
    return {
      errors: [],
      warnings: [
        at(
          'template_unregistered',
          'templateId',
          `${name} is not in the template registry: it goes out as its id and variables, unchecked.`,
        ),
      ],
    };
  const errors: CompileError[] = [];
  const warnings: CompileError[] = [];
  if (template.channel !== step.channel)
    errors.push(
      at(
        'template_mismatch',
        'channel',
        `${name} is registered for ${template.channel}, not ${step.channel}.`,
      ),
    );
  for (const variable of template.variables) {
    const mapping = step.variables[variable];
    if (mapping === undefined || mapping.trim() === '') {
      errors.push(
        at(
          'template_variable_missing',
          `variables.${variable}`,
          `${name} needs {{${variable}}}: map it to a value, e.g. {{customer.name}}.`,
        ),
      );
      continue;
    }
    for (const path of mappingPaths(mapping)) {
      const problem = pathProblem(path, scope);
      if (problem)
        errors.push(
          at('template_variable_missing', `variables.${variable}`, `{{${variable}}} ← ${problem}.`),
        );
    }
  }
  // A header's own video or image (HEADER_MEDIA_VARIABLE) is used, though not a body variable.
  const mediaVariables = new Set<string>(
    template.variants.flatMap((v) =>
      v.headerMedia && v.headerMedia.kind !== 'document'
        ? [HEADER_MEDIA_VARIABLE[v.headerMedia.kind]]
        : [],
    ),
  );
  const unused = Object.keys(step.variables).filter(
    (k) => !template.variables.includes(k) && !mediaVariables.has(k),
  );
  if (unused.length > 0)
    warnings.push(
      at(
        'template_variable_unused',
        'variables',
        `${name} has no ${unused.map((k) => `{{${k}}}`).join(', ')}; ${unused.length === 1 ? 'it is' : 'they are'} not sent.`,
      ),
    );
  if (!template.variants.some((v) => v.status === 'approved'))
    warnings.push(
      at(
        'template_not_approved',
        'templateId',
        `${name} has no approved language yet: sends fall back to its id and variables.`,
      ),
    );
  if (template.category !== step.category)
    warnings.push(
      at(
        'template_category_mismatch',
        'category',
        `${name} is registered as ${template.category}; this step says ${step.category}. The provider prices and limits it as ${template.category}.`,
      ),
    );
  return { errors, warnings };
}

/**
 * Checks every send step of a journey document against the template registry: each declared
 * variable must be mapped to something the run can provide. Unregistered templates only warn, so
 * journeys written before the registry keep publishing.
 */
export async function checkJourneyTemplates(
  db: Db,
  document: unknown,
  registry: NodeRegistry = defaultRegistry,
): Promise<TemplateCheck> {
  const parsed = journeyDocumentSchema.safeParse(document);
  if (!parsed.success) return { errors: [], warnings: [] };
  const doc = parsed.data;
  const steps = sendSteps(doc, registry);
  if (steps.length === 0) return { errors: [], warnings: [] };
  const templates = new Map((await listTemplates(db)).map((t) => [t.id, t]));
  const trigger = doc.nodes.find((n) => {
    const def = registry.get(n.type, n.version);
    return def?.kind === 'control' && def.role === 'entry';
  });
  const scope = scopeOf(doc, trigger?.id, (type) => registry.get(type)?.kind === 'action');
  const checks = steps.map((step) =>
    checkSendStep(step, templates.get(step.templateId), scope(step.nodeId)),
  );
  return { errors: checks.flatMap((c) => c.errors), warnings: checks.flatMap((c) => c.warnings) };
}
