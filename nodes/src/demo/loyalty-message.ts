// The WhatsApp messages of the loyalty demo journeys. DOMAIN.md §4: every loyalty moment is a
// utility message (an account update the customer asked for by joining), never marketing.

/** A `message.send` config: a utility WhatsApp template, greeting the customer by name. */
export function loyaltyMessage(templateId: string, variables: Record<string, string>) {
  return {
    channel: 'whatsapp' as const,
    templateId,
    category: 'utility' as const,
    variables: { name: '{{customer.name|there}}', ...variables },
  };
}
