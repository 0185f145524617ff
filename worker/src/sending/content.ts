import {
  HEADER_MEDIA_VARIABLE,
  renderTemplateBody,
  resolveTemplate,
  templatePlaceholders,
  type Db,
  type ResolvedTemplate,
} from '@yatra/db';
import { renderTemplate, type OutboundMessage, type RunFacts } from '@yatra/nodes';
import type { Channel, ProviderMessage } from '../channels/channel-adapter';

/** What a message says on one channel: everything of a ProviderMessage but the addressing. */
export type MessageContent = Pick<
  ProviderMessage,
  | 'templateName'
  | 'language'
  | 'parameters'
  | 'variables'
  | 'body'
  | 'subject'
  | 'media'
  | 'dltTemplateId'
> & {
  /** The category the rules and the bill use: marketing if the node or the registry says so. */
  category: OutboundMessage['category'];
};

/**
 * The category the rules and the bill use: marketing if either the node or the registry says
 * so (a mis-filed promotion must not dodge consent or the cap); otherwise the registry's.
 */
export function effectiveCategory(
  node: OutboundMessage['category'],
  registered: string | null | undefined,
): OutboundMessage['category'] {
  if (node === 'marketing' || registered === 'marketing') return 'marketing';
  if (registered === 'utility' || registered === 'authentication') return registered;
  return node;
}

/** The template's header media, with this send's own video or image when it carries one. */
function headerMedia(
  media: ResolvedTemplate['headerMedia'],
  values: Record<string, string>,
): ProviderMessage['media'] {
  if (!media || media.kind === 'document') return undefined;
  const own = values[HEADER_MEDIA_VARIABLE[media.kind]];
  return { kind: media.kind, url: own && /^https?:\/\//.test(own) ? own : media.url };
}

function fromTemplate(
  template: ResolvedTemplate,
  message: OutboundMessage,
  ownChannel: boolean,
): MessageContent {
  const values = message.variables;
  const media = headerMedia(template.headerMedia, values);
  const bodyVariables = new Set(templatePlaceholders(template.body));
  return {
    // A template borrowed from the primary channel lends its words, not its provider name.
    templateName: ownChannel ? template.providerTemplateName : message.templateId,
    language: template.language,
    // Body parameters are the declared variables the body uses, in declared order: a variable
    // that only feeds the header (the customer's video) is not a body parameter.
    parameters: template.variables
      .filter((name) => bodyVariables.has(name))
      .map((name) => values[name] ?? ''),
    variables: values,
    body: renderTemplateBody(template.body, values),
    ...(template.subject ? { subject: renderTemplateBody(template.subject, values) } : {}),
    ...(media ? { media } : {}),
    ...(ownChannel && template.dltTemplateId ? { dltTemplateId: template.dltTemplateId } : {}),
    category: effectiveCategory(message.category, template.category),
  };
}

/** Today's text for a template the registry does not know: `[id] k=v, …`, or the node's body. */
function unregistered(message: OutboundMessage, facts: RunFacts, language: string): MessageContent {
  const preview = Object.entries(message.variables)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  return {
    templateName: message.templateId,
    language,
    parameters: Object.values(message.variables),
    variables: message.variables,
    body: message.body ? renderTemplate(message.body, facts) : `[${message.templateId}] ${preview}`,
    category: message.category,
  };
}

/**
 * The content of `message` on `channel` in the customer's language: the registry's approved
 * variant (S3's resolveTemplate falls back to the template's default language); on a fallback
 * channel without its own template, the primary channel's words; otherwise today's text.
 * @example await resolveContent(db, message, 'sms', facts)
 */
export async function resolveContent(
  db: Db,
  message: OutboundMessage,
  channel: Channel,
  facts: RunFacts,
  /** False when the caller knows the template is not registered for `channel` (saves a query). */
  registered = true,
): Promise<MessageContent> {
  const language = facts.customer.language;
  const own = registered
    ? await resolveTemplate(db, { templateId: message.templateId, channel, language })
    : null;
  if (own) return fromTemplate(own, message, true);
  if (channel !== message.channel) {
    const primary = await resolveTemplate(db, {
      templateId: message.templateId,
      channel: message.channel,
      language,
    });
    if (primary) return fromTemplate(primary, message, false);
  }
  return unregistered(message, facts, language);
}
