import { describe, expect, it } from 'vitest';
import { buildFfmpegArgs, type FfmpegPlan } from './ffmpeg-args';
import { videoTemplateSchema } from './template-schema';
import { testBrand } from './testing/test-brand';

const template = videoTemplateSchema.parse({
  id: 'demo',
  title: 'Demo',
  durationSeconds: 10,
  thumbnailAt: 2,
  brand: testBrand,
  background: { type: 'color' },
  layers: [{ id: 'greeting', text: 'Hi', start: 0, end: 4 }],
});

const plan = (overrides: Partial<FfmpegPlan> = {}): FfmpegPlan => ({
  template,
  assFile: 'subs.ass',
  outputs: { video: '/out/v.mp4', thumbnail: '/out/v.jpg', gif: '/out/v.gif' },
  ...overrides,
});

/** The value after a flag, at its first occurrence after `from`. */
const after = (args: string[], flag: string, from = 0) => args[args.indexOf(flag, from) + 1];

describe('buildFfmpegArgs', () => {
  it('composes a brand-colour background and text once, then writes MP4, GIF and thumbnail', () => {
    const args = buildFfmpegArgs(plan());
    expect(after(args, '-i')).toBe('color=c=0x102030:s=1280x720:r=25:d=10');
    const graph = after(args, '-filter_complex') ?? '';
    expect(graph).toContain('ass=filename=subs.ass:shaping=complex');
    expect(graph).toContain('palettegen');
    expect(graph).toContain('trim=start_frame=50:end_frame=51'); // 2 s × 25 fps
    expect(args.slice(-3)).toEqual(['-q:v', '3', '/out/v.jpg']);
    expect(args).toContain('/out/v.gif');
    expect(args).not.toContain('-c:a'); // no music, no audio track
  });

  it('encodes what WhatsApp accepts: H.264 Main, no B-frames, yuv420p, faststart', () => {
    const args = buildFfmpegArgs(plan());
    expect(after(args, '-c:v')).toBe('libx264');
    expect(after(args, '-profile:v')).toBe('main');
    expect(after(args, '-bf')).toBe('0');
    expect(after(args, '-pix_fmt')).toBe('yuv420p');
    expect(after(args, '-movflags')).toBe('+faststart');
  });

  it('loops and covers an image background, and mixes a tone chord into AAC', () => {
    const args = buildFfmpegArgs(
      plan({
        template: {
          ...template,
          background: { type: 'image', path: 'bg.png' },
          music: { type: 'tone', notes: [220, 330], volume: 0.2 },
        },
        backgroundPath: '/t/bg.png',
      }),
    );
    expect(args.slice(args.indexOf('-loop'), args.indexOf('/t/bg.png') + 1)).toEqual([
      '-loop',
      '1',
      '-framerate',
      '25',
      '-t',
      '10',
      '-i',
      '/t/bg.png',
    ]);
    const graph = after(args, '-filter_complex') ?? '';
    expect(graph).toContain('force_original_aspect_ratio=increase,crop=1280:720');
    expect(graph).toContain('[1:a][2:a]amix=inputs=2');
    expect(args).toContain('sine=frequency=330:sample_rate=48000:duration=10');
    expect(after(args, '-c:a')).toBe('aac');
  });
});
