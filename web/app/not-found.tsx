import Link from 'next/link';
import { EmptyState, Page } from '../components/ui';
import { SearchIcon } from '../components/icons';

export default function NotFound() {
  return (
    <Page>
      <EmptyState icon={<SearchIcon className="size-6" />} title="Not found">
        Nothing lives at this address. Go back to{' '}
        <Link href="/journeys" className="text-indigo-600 hover:underline">
          the journeys
        </Link>
        .
      </EmptyState>
    </Page>
  );
}
