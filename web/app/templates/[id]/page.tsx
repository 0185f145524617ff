import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb, getTemplate } from '@yatra/db';
import { Page, PageHeader } from '../../../components/ui';
import { CategoryBadge, ChannelBadge } from '../../../components/templates/badges';
import { TemplateForm } from '../../../components/templates/template-form';
import { NEW_TEMPLATE, toDraft } from '../../../components/templates/template-draft';
import { decodeParam } from '../../../lib/api/ids';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<{ title: string }> {
  const id = decodeParam((await params).id);
  return { title: id === 'new' ? 'New template' : `Template ${id}` };
}

/** `/templates/new` registers a template; `/templates/<id>` edits one. */
export default async function TemplatePage({ params }: Props) {
  const id = decodeParam((await params).id);
  const template = id === 'new' ? null : await getTemplate(getDb(), id);
  if (id !== 'new' && !template) notFound();
  return (
    <Page>
      <PageHeader
        title={
          template ? (
            <span className="flex flex-wrap items-center gap-3">
              {template.name} <ChannelBadge channel={template.channel} />
              <CategoryBadge category={template.category} />
            </span>
          ) : (
            'New template'
          )
        }
        description={
          <>
            {template ? (
              <span className="font-mono">{template.id}</span>
            ) : (
              'Register a message template and its languages.'
            )}{' '}
            ·{' '}
            <Link href="/templates" className="text-indigo-600 hover:underline">
              All templates
            </Link>
          </>
        }
      />
      <TemplateForm initial={template ? toDraft(template) : NEW_TEMPLATE} isNew={!template} />
    </Page>
  );
}
