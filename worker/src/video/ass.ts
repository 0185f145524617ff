import type { ResolvedLayer } from './layers';
import { VIDEO_HEIGHT, VIDEO_WIDTH } from './template-schema';

// Text reaches the frame as an ASS subtitle script burned in by libass (the `ass` filter with
// complex shaping): HarfBuzz shapes Indic scripts correctly, which drawtext in FFmpeg 5.1 does not.

/** `#RRGGBB` → ASS `&HAABBGGRR` (alpha 00 = opaque). */
export function assColour(hex: string, alpha = 0): string {
  const [r, g, b] = [hex.slice(1, 3), hex.slice(3, 5), hex.slice(5, 7)];
  const a = alpha.toString(16).padStart(2, '0');
  return `&H${a}${b}${g}${r}`.toUpperCase();
}

/** Seconds → ASS time `H:MM:SS.cc`. */
export function assTime(seconds: number): string {
  const cs = Math.round(seconds * 100);
  const h = Math.floor(cs / 360_000);
  const m = Math.floor((cs % 360_000) / 6_000);
  const s = Math.floor((cs % 6_000) / 100);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${h}:${pad(m)}:${pad(s)}.${pad(cs % 100)}`;
}

/**
 * Makes text literal for ASS: no override blocks, no `\N`-style escapes from data. A backslash
 * gets a word joiner after it (an invisible, zero-width character) so `\N` stays two letters;
 * braces are escaped; a newline the template itself holds becomes a line break.
 * @example escapeAssText('{b}') // '\\{b\\}'
 */
export function escapeAssText(text: string): string {
  return text
    .replace(/\\/g, '\\\u2060')
    .replace(/[{}]/g, (brace) => `\\${brace}`)
    .replace(/\r?\n/g, '\\N');
}

const alignment = { left: 4, center: 5, right: 6 } as const; // ASS numpad: middle row

/** Commas separate ASS fields, so names must not contain them. */
const styleName = (layer: ResolvedLayer) => layer.layer.id;

function styleLine(r: ResolvedLayer): string {
  const { layer } = r;
  return [
    `Style: ${styleName(r)}`,
    r.fontFamily,
    layer.size,
    assColour(r.colour),
    assColour(r.colour),
    assColour('#000000'),
    assColour('#000000', 0x80),
    layer.bold ? -1 : 0,
    0, // italic
    0, // underline
    0, // strike-out
    100, // scale x
    100, // scale y
    0, // spacing
    0, // angle
    1, // border style: outline + drop shadow
    0, // outline width
    layer.shadow,
    alignment[layer.align],
    48, // margins: long lines wrap inside the frame
    48,
    0,
    1, // encoding
  ].join(',');
}

function dialogueLine(r: ResolvedLayer): string {
  const { layer } = r;
  const x = Math.round(layer.x * VIDEO_WIDTH);
  const y = Math.round(layer.y * VIDEO_HEIGHT);
  const tags = `{\\pos(${x},${y})\\fad(${layer.fadeInMs},${layer.fadeOutMs})}`;
  return `Dialogue: 0,${assTime(layer.start)},${assTime(layer.end)},${styleName(r)},,0,0,0,,${tags}${escapeAssText(r.text)}`;
}

/**
 * The ASS script for a template's resolved text layers, in 1280×720 script coordinates.
 * @example await writeFile('subs.ass', buildAss(resolveLayers(template, 'hi', data)));
 */
export function buildAss(layers: readonly ResolvedLayer[]): string {
  const visible = layers.filter((l) => l.text !== '');
  return [
    '[Script Info]',
    'ScriptType: v4.00+',
    `PlayResX: ${VIDEO_WIDTH}`,
    `PlayResY: ${VIDEO_HEIGHT}`,
    'WrapStyle: 0',
    'ScaledBorderAndShadow: yes',
    '',
    '[V4+ Styles]',
    'Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding',
    ...visible.map(styleLine),
    '',
    '[Events]',
    'Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text',
    ...visible.map(dialogueLine),
    '',
  ].join('\n');
}
