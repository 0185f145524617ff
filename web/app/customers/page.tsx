import Link from 'next/link';
import { getDb, listCustomers } from '@yatra/db';
import { formatDateTime, formatRelative } from '../../lib/format';
import { EmptyState, Mono, Page, PageHeader, Table } from '../../components/ui';
import { UsersIcon } from '../../components/icons';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Customers' };

export default async function CustomersPage() {
  const customers = await listCustomers(getDb(), { limit: 200 });
  return (
    <Page>
      <PageHeader
        title="Customers"
        description="Everyone Yatra has heard of through events, most recently active first."
      />
      {customers.length === 0 ? (
        <EmptyState icon={<UsersIcon className="size-6" />} title="No customers yet">
          Customers appear when their first event arrives, e.g. <Mono>POST /api/events</Mono> with{' '}
          <Mono>{'{ type: "order.placed", customerId: "c1", … }'}</Mono>.
        </EmptyState>
      ) : (
        <Table head={['Customer', 'Phone', 'Language', 'Time zone', 'Last activity']}>
          {customers.map((c) => (
            <tr
              key={c.id}
              data-testid="customer-row"
              data-customer-id={c.id}
              className="group hover:bg-slate-50"
            >
              <td className="px-4 py-3">
                <Link
                  href={`/customers/${encodeURIComponent(c.id)}`}
                  className="font-medium group-hover:text-indigo-600"
                >
                  {c.name ?? c.id}
                </Link>
                {c.name && <div className="font-mono text-xs text-slate-400">{c.id}</div>}
              </td>
              <td className="px-4 py-3 text-slate-600 tabular-nums">{c.phone ?? '—'}</td>
              <td className="px-4 py-3 text-slate-600">{c.language}</td>
              <td className="px-4 py-3 text-slate-600">{c.timeZone}</td>
              <td className="px-4 py-3 text-slate-500" title={formatDateTime(c.updatedAt)}>
                {formatRelative(c.updatedAt)}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </Page>
  );
}
