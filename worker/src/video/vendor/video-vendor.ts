import type { ResolvedLayer } from '../layers';
import type { VideoTemplate } from '../template-schema';

/** One file a vendor renders: the MP4 (with a poster frame) or the GIF fallback. */
export interface VendorRender {
  format: 'mp4' | 'gif';
  template: VideoTemplate;
  layers: ResolvedLayer[];
  /** Public URLs of the template's background and music files, where the vendor can fetch them. */
  assetUrls: { background?: string; music?: string };
  /** Second of the video the poster (thumbnail) is taken from. */
  posterAt: number;
  /** Where the vendor should POST status changes, if a webhook is set up. */
  callbackUrl?: string;
}

/** A vendor job's state, from a poll or a callback. */
export type VendorStatus =
  | { state: 'pending' }
  | { state: 'done'; url: string; posterUrl?: string }
  | { state: 'failed'; error: string };

/**
 * An external video vendor behind Yatra's render step: start a job, then learn its outcome by
 * polling or from a callback. Adapters throw VideoRenderError: permanent for requests the
 * vendor refuses (4xx), retryable for outages (5xx, 429, network).
 */
export interface VideoVendor {
  readonly name: string;
  /** Starts a render; returns the vendor's job id. */
  start(render: VendorRender): Promise<string>;
  poll(jobId: string): Promise<VendorStatus>;
  /** Reads a callback body; null when it is not one of this vendor's callbacks. */
  parseCallback(body: unknown): { jobId: string; status: VendorStatus } | null;
}
