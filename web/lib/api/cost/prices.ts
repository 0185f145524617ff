import { listChannelPrices, setChannelPrices, type ChannelPrice, type Db } from '@yatra/db';
import { parseBody } from '../loyalty/parse';
import { pricesBodySchema } from './prices-schema';

/** `GET /api/settings/prices`: every channel × category price. */
export async function priceList(db: Db): Promise<ChannelPrice[]> {
  return listChannelPrices(db);
}

/** `PUT /api/settings/prices`: sets the prices given (400 names each bad row); returns them all. */
export async function savePrices(db: Db, body: unknown): Promise<ChannelPrice[]> {
  const { prices } = parseBody(pricesBodySchema, body);
  return setChannelPrices(db, prices);
}
