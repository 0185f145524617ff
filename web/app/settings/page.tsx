import Link from 'next/link';
import { Page, PageHeader } from '../../components/ui';

export const metadata = { title: 'Settings' };

const SECTIONS = [
  {
    href: '/settings/sending',
    title: 'Sending rules',
    description:
      'Quiet hours, the frequency cap across journeys, and what consent each send needs.',
  },
  {
    href: '/settings/costs',
    title: 'Message prices',
    description: 'What a WhatsApp, SMS, email or push message costs, per template category.',
  },
  {
    href: '/templates',
    title: 'Templates',
    description: 'The approved message templates, per language, that send steps use.',
  },
];

export default function SettingsPage() {
  return (
    <Page>
      <PageHeader title="Settings" description="How Yatra sends: rules, prices and templates." />
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {SECTIONS.map((s) => (
          <li key={s.href}>
            <Link
              href={s.href}
              data-testid="settings-link"
              data-href={s.href}
              className="block h-full rounded-xl border border-slate-200 bg-white p-5 shadow-sm transition hover:border-indigo-300 hover:shadow"
            >
              <h2 className="font-semibold text-slate-900">{s.title}</h2>
              <p className="mt-1 text-sm text-slate-500">{s.description}</p>
            </Link>
          </li>
        ))}
      </ul>
    </Page>
  );
}
