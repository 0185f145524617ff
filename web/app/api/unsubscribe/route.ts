import { getDb } from '@yatra/db';
import { ValidationError } from '../../../lib/api/errors';
import { errorResponse } from '../../../lib/api/respond';
import { unsubscribe, unsubscribeClaim } from '../../../lib/api/sending/unsubscribe';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A minimal page for people who clicked the link (no app chrome: they are not users). */
function page(title: string, body: string, status = 200): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escape(title)}</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1e293b"><h1 style="font-size:1.25rem">${escape(title)}</h1>${body}</body></html>`;
  return new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

function failure(error: unknown): Response {
  if (error instanceof ValidationError)
    return page('This unsubscribe link does not work', `<p>${escape(error.message)}</p>`, 400);
  return errorResponse(error);
}

/**
 * Shows what the link does and a button; it does not unsubscribe by itself, because mail
 * scanners open links (RFC 8058 §1).
 */
export async function GET(request: Request): Promise<Response> {
  try {
    const url = new URL(request.url);
    const claim = await unsubscribeClaim(url.searchParams);
    const action = `?token=${encodeURIComponent(url.searchParams.get('token') ?? '')}`;
    return page(
      'Unsubscribe from offers',
      `<p>Stop marketing messages on ${escape(claim.channel)}? Order and delivery updates will still reach you.</p>` +
        `<form method="post" action="${escape(action)}"><button type="submit" name="List-Unsubscribe" value="One-Click" data-testid="unsubscribe-confirm" style="padding:.5rem 1rem">Unsubscribe</button></form>`,
    );
  } catch (error) {
    return failure(error);
  }
}

/**
 * RFC 8058 one-click (`List-Unsubscribe=One-Click` from the mail client) or the button above:
 * withdraws marketing on the link's channel at once, logged with source `link`.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const claim = await unsubscribeClaim(new URL(request.url).searchParams);
    const form = await request.text();
    const oneClick = new URLSearchParams(form).get('List-Unsubscribe') === 'One-Click';
    await unsubscribe(getDb(), claim, {
      oneClick,
      userAgent: request.headers.get('user-agent') ?? undefined,
    });
    return page(
      'You are unsubscribed',
      `<p>You will get no more offers on ${escape(claim.channel)}. Order and delivery updates continue.</p>`,
    );
  } catch (error) {
    return failure(error);
  }
}
