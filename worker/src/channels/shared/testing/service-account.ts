import { generateKeyPairSync } from 'node:crypto';
import type { ServiceAccount } from '../../push/push-config';

/** A Google-style service-account key made on the spot, with the public half to verify its JWTs. */
export function testServiceAccount(tokenUri = 'https://oauth2.googleapis.com/token') {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const account: ServiceAccount = {
    type: 'service_account',
    project_id: 'brand-app',
    private_key_id: 'key-1',
    private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    client_email: 'yatra-push@brand-app.iam.gserviceaccount.com',
    token_uri: tokenUri,
  };
  return { account, publicKey };
}
