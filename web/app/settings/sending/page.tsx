import Link from 'next/link';
import { getDb, getSendSettings } from '@yatra/db';
import { SendSettingsForm } from '../../../components/sending/send-settings-form';
import { Page, PageHeader } from '../../../components/ui';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Sending rules' };

/** Settings → Sending: the frequency cap and quiet hours every send is checked against. */
export default async function SendingSettingsPage() {
  const { frequencyCap, frequencyWindowDays, quietHoursStart, quietHoursEnd } =
    await getSendSettings(getDb());
  return (
    <Page>
      <PageHeader
        title="Sending rules"
        description={
          <>
            Checked before every send, in this order: consent (marketing needs an explicit grant per
            channel; an opt-out stops any message), WhatsApp&apos;s 24-hour window, quiet hours,
            then the frequency cap. A stopped send is recorded with its reason on the
            customer&apos;s timeline.{' '}
            <Link href="/settings" className="text-indigo-600 hover:underline">
              All settings
            </Link>
          </>
        }
      />
      <SendSettingsForm
        initial={{ frequencyCap, frequencyWindowDays, quietHoursStart, quietHoursEnd }}
      />
    </Page>
  );
}
