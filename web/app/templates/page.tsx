import Link from 'next/link';
import { getDb, listTemplates } from '@yatra/db';
import { EmptyState, Mono, Page, PageHeader, Table } from '../../components/ui';
import { InboxIcon } from '../../components/icons';
import { CategoryBadge, ChannelBadge, LanguageChip } from '../../components/templates/badges';
import { primaryButtonClass } from '../../components/forms/fields';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Templates' };

/** The template registry: every approved message template with its languages and variables. */
export default async function TemplatesPage() {
  const templates = await listTemplates(getDb());
  return (
    <Page>
      <PageHeader
        title="Templates"
        description="Messages the send steps use, approved per language. The category decides what a message costs and which rules apply."
      >
        <Link href="/templates/new" data-testid="new-template" className={primaryButtonClass}>
          New template
        </Link>
      </PageHeader>
      {templates.length === 0 ? (
        <EmptyState icon={<InboxIcon className="size-6" />} title="No templates yet">
          Register one with <strong>New template</strong> or <Mono>POST /api/templates</Mono>. Until
          then send steps go out as their template id and variables.
        </EmptyState>
      ) : (
        <Table head={['Template', 'Channel', 'Category', 'Languages', 'Variables']}>
          {templates.map((t) => (
            <tr
              key={t.id}
              data-testid="template-row"
              data-template-id={t.id}
              className="group hover:bg-slate-50"
            >
              <td className="px-4 py-3">
                <Link
                  href={`/templates/${t.id}`}
                  className="font-medium text-slate-900 group-hover:text-indigo-600"
                >
                  {t.name}
                </Link>
                <div className="mt-0.5 font-mono text-xs text-slate-500">{t.id}</div>
              </td>
              <td className="px-4 py-3">
                <ChannelBadge channel={t.channel} />
              </td>
              <td className="px-4 py-3">
                <CategoryBadge category={t.category} />
              </td>
              <td className="px-4 py-3">
                <div className="flex flex-wrap gap-1">
                  {t.variants.map((v) => (
                    <LanguageChip
                      key={v.language}
                      language={v.language}
                      status={v.status}
                      isDefault={v.language === t.defaultLanguage}
                    />
                  ))}
                </div>
              </td>
              <td className="px-4 py-3">
                <div className="flex flex-wrap gap-1 font-mono text-xs text-slate-600">
                  {t.variables.length === 0 ? (
                    <span className="text-slate-400">—</span>
                  ) : (
                    t.variables.map((v, i) => (
                      <span
                        key={v}
                        className="rounded bg-slate-100 px-1.5 py-0.5"
                        title={`WhatsApp parameter {{${i + 1}}}`}
                      >
                        {`{{${v}}}`}
                      </span>
                    ))
                  )}
                </div>
              </td>
            </tr>
          ))}
        </Table>
      )}
    </Page>
  );
}
