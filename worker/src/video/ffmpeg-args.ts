import { resolveColour, VIDEO_HEIGHT, VIDEO_WIDTH, type VideoTemplate } from './template-schema';

/** The GIF fallback: small enough for any inbox, smooth enough to read. */
export const GIF_WIDTH = 480;
export const GIF_FPS = 8;

export interface FfmpegPlan {
  template: VideoTemplate;
  /** Absolute paths of the background image/clip and music file, when the template has them. */
  backgroundPath?: string;
  musicPath?: string;
  /** The ASS script, relative to ffmpeg's working directory (no filtergraph escaping needed). */
  assFile: string;
  outputs: { video: string; thumbnail: string; gif: string };
}

function backgroundInput(plan: FfmpegPlan): string[] {
  const { template } = plan;
  const seconds = String(template.durationSeconds);
  const bg = template.background;
  if (bg.type === 'color') {
    const hex = resolveColour(template, bg.color).slice(1);
    const source = `color=c=0x${hex}:s=${VIDEO_WIDTH}x${VIDEO_HEIGHT}:r=${template.fps}:d=${seconds}`;
    return ['-f', 'lavfi', '-i', source];
  }
  if (!plan.backgroundPath) throw new Error('background path missing from the plan');
  if (bg.type === 'image')
    return [
      '-loop',
      '1',
      '-framerate',
      String(template.fps),
      '-t',
      seconds,
      '-i',
      plan.backgroundPath,
    ];
  return ['-stream_loop', '-1', '-t', seconds, '-i', plan.backgroundPath];
}

/** Audio inputs and the filter that turns them into `[a]`, or nothing without music. */
function music(plan: FfmpegPlan): { inputs: string[]; filter: string | null } {
  const { template } = plan;
  const seconds = template.durationSeconds;
  const fadeOut = Math.min(1.5, seconds / 4);
  const fades = `afade=t=in:d=${Math.min(1, seconds / 4)},afade=t=out:st=${seconds - fadeOut}:d=${fadeOut}`;
  const m = template.music;
  if (!m) return { inputs: [], filter: null };
  if (m.type === 'file') {
    if (!plan.musicPath) throw new Error('music path missing from the plan');
    return {
      inputs: ['-stream_loop', '-1', '-t', String(seconds), '-i', plan.musicPath],
      filter: `[1:a]aformat=sample_rates=48000:channel_layouts=stereo,volume=${m.volume},${fades}[a]`,
    };
  }
  const inputs = m.notes.flatMap((hz) => [
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=${hz}:sample_rate=48000:duration=${seconds}`,
  ]);
  const labels = m.notes.map((_, i) => `[${i + 1}:a]`).join('');
  return {
    inputs,
    filter: `${labels}amix=inputs=${m.notes.length}:normalize=0,volume=${m.volume / m.notes.length},aformat=channel_layouts=stereo,${fades}[a]`,
  };
}

/** Where the thumbnail is taken: the template's choice, else a quarter in (text is up by then). */
export function thumbnailSecond(template: VideoTemplate): number {
  return template.thumbnailAt ?? template.durationSeconds / 4;
}

/**
 * One ffmpeg run that writes all three files: the background and text are composed once, then
 * split to the MP4 encoder, the GIF palette pipeline and the thumbnail.
 * MP4: H.264 Main without B-frames, yuv420p, AAC, `+faststart` — what WhatsApp accepts.
 * @example spawn('ffmpeg', buildFfmpegArgs(plan), { cwd: workDir })
 */
export function buildFfmpegArgs(plan: FfmpegPlan): string[] {
  const { template, outputs } = plan;
  const audio = music(plan);
  const cover =
    template.background.type === 'color'
      ? ''
      : `scale=${VIDEO_WIDTH}:${VIDEO_HEIGHT}:force_original_aspect_ratio=increase,crop=${VIDEO_WIDTH}:${VIDEO_HEIGHT},setsar=1,fps=${template.fps},`;
  const thumbFrame = Math.round(thumbnailSecond(template) * template.fps);
  const video = [
    `[0:v]${cover}format=yuv420p,ass=filename=${plan.assFile}:shaping=complex,split=3[mp4][gifsrc][thumbsrc]`,
    `[gifsrc]fps=${GIF_FPS},scale=${GIF_WIDTH}:-2:flags=lanczos,split[gifa][gifb]`,
    '[gifa]palettegen=max_colors=96:stats_mode=diff[palette]',
    '[gifb][palette]paletteuse=dither=bayer:bayer_scale=4:diff_mode=rectangle[gif]',
    // One frame only: frames a closed output no longer takes would still be converted.
    `[thumbsrc]trim=start_frame=${thumbFrame}:end_frame=${thumbFrame + 1},setpts=PTS-STARTPTS[thumb]`,
  ];
  const graph = [...video, ...(audio.filter ? [audio.filter] : [])].join(';');
  const seconds = String(template.durationSeconds);
  return [
    '-hide_banner',
    '-nostdin',
    '-y',
    '-loglevel',
    'error',
    '-progress',
    'pipe:1',
    '-nostats',
    // A corrupt asset fails at once instead of looping on decode errors until a timeout.
    '-xerror',
    ...backgroundInput(plan),
    ...audio.inputs,
    '-filter_complex',
    graph,
    // MP4
    '-map',
    '[mp4]',
    ...(audio.filter ? ['-map', '[a]', '-c:a', 'aac', '-b:a', '96k'] : []),
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-profile:v',
    'main',
    '-bf',
    '0',
    '-crf',
    '23',
    // Caps a busy clip background: 60 s stays under WhatsApp's 16 MB.
    '-maxrate',
    '1800k',
    '-bufsize',
    '3600k',
    '-pix_fmt',
    'yuv420p',
    '-r',
    String(template.fps),
    '-t',
    seconds,
    '-movflags',
    '+faststart',
    outputs.video,
    // GIF
    '-map',
    '[gif]',
    '-loop',
    '0',
    outputs.gif,
    // Thumbnail
    '-map',
    '[thumb]',
    '-frames:v',
    '1',
    '-q:v',
    '3',
    outputs.thumbnail,
  ];
}
