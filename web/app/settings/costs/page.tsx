import Link from 'next/link';
import { getDb, listChannelPrices } from '@yatra/db';
import { PricesForm } from '../../../components/cost/prices-form';
import { Page, PageHeader } from '../../../components/ui';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Message prices' };

/** Settings → Costs: what one message costs per channel and category. */
export default async function CostsPage() {
  const prices = await listChannelPrices(getDb());
  return (
    <Page>
      <PageHeader
        title="Message prices"
        description={
          <>
            What one message costs, per channel and template category. Journeys show their expected
            cost per customer from these, and the journeys list what they actually spent.{' '}
            <Link href="/settings" className="text-indigo-600 hover:underline">
              All settings
            </Link>
          </>
        }
      />
      <PricesForm
        initial={prices.map(({ channel, category, priceMillipaise }) => ({
          channel,
          category,
          priceMillipaise,
        }))}
      />
      <p className="mt-4 max-w-2xl text-xs text-slate-500">
        WhatsApp bills per template category (utility ≈ ₹0.115, marketing ≈ ₹0.96 in India): a
        marketing message filed as utility burns money and quality rating. When Meta reports a
        different pricing category on a delivered message, the actual cost uses Meta&apos;s.
      </p>
    </Page>
  );
}
