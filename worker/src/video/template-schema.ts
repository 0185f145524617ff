import { z } from 'zod';

/** Every video is 1280×720 (720p), what WhatsApp and email clients play everywhere. */
export const VIDEO_WIDTH = 1280;
export const VIDEO_HEIGHT = 720;

const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #1E3A8A');
const brandKeys = ['primary', 'secondary', 'accent', 'text', 'background'] as const;
/** A colour: `#RRGGBB`, or the name of one of the template's brand colours. */
const colour = z.union([hexColour, z.enum(brandKeys)]);
const id = z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower_snake_case, starting with a letter');
/** An asset file: relative to the template's folder, or absolute. */
const assetPath = z.string().min(1);
/** One text, or one per language code (`{ "en": "Hi {{name}}", "hi": "नमस्ते {{name}}" }`). */
const localizedText = z.union([
  z.string().min(1),
  z.record(z.string().regex(/^[a-z]{2,3}$/, 'a language code like en, hi, ta'), z.string().min(1)),
]);

const textLayerSchema = z
  .object({
    id,
    /** `{{placeholders}}` are filled from the render data, e.g. `{{name}}`, `{{points|0}}`. */
    text: localizedText,
    /** Anchor point as fractions of the frame: (0.5, 0.5) is the centre. */
    x: z.number().min(0).max(1).default(0.5),
    y: z.number().min(0).max(1).default(0.5),
    align: z.enum(['left', 'center', 'right']).default('center'),
    /** Font size in pixels of the 720-line frame. */
    size: z.number().int().min(12).max(200).default(56),
    color: colour.default('text'),
    bold: z.boolean().default(false),
    /** Soft drop shadow in pixels (helps on images and clips); 0 for none. */
    shadow: z.number().min(0).max(8).default(0),
    /** Seconds from the start of the video. */
    start: z.number().min(0),
    end: z.number().positive(),
    fadeInMs: z.number().int().min(0).max(5_000).default(300),
    fadeOutMs: z.number().int().min(0).max(5_000).default(300),
  })
  .refine((layer) => layer.end > layer.start, {
    message: 'end must be after start',
    path: ['end'],
  });

const backgroundSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('color'), color: colour.default('background') }),
  /** A still image, scaled to cover the frame. */
  z.object({ type: z.literal('image'), path: assetPath }),
  /** A video clip, looped and scaled to cover the frame; its own sound is dropped. */
  z.object({ type: z.literal('clip'), path: assetPath }),
]);

const musicSchema = z.discriminatedUnion('type', [
  /** A soft synthesized chord (frequencies in Hz): music without shipping a file. */
  z.object({
    type: z.literal('tone'),
    notes: z.array(z.number().min(20).max(4_000)).min(1).max(4),
    volume: z.number().min(0).max(1).default(0.12),
  }),
  /** An audio file, looped to the video's length. */
  z.object({
    type: z.literal('file'),
    path: assetPath,
    volume: z.number().min(0).max(1).default(0.6),
  }),
]);

/**
 * A video template: background, brand colours, timed text layers and optional music. Templates
 * are JSON files named `<id>.json`; `templates/` holds the gallery.
 */
export const videoTemplateSchema = z
  .object({
    id,
    title: z.string().min(1),
    description: z.string().default(''),
    durationSeconds: z.number().min(1).max(60),
    fps: z.number().int().min(10).max(30).default(25),
    /** The text variant used when a template has none for the customer's language. */
    defaultLanguage: z
      .string()
      .regex(/^[a-z]{2,3}$/)
      .default('en'),
    /** Second of the video the thumbnail is taken from; default: a quarter in. */
    thumbnailAt: z.number().min(0).optional(),
    brand: z.object({
      primary: hexColour,
      secondary: hexColour,
      accent: hexColour,
      text: hexColour,
      background: hexColour,
    }),
    background: backgroundSchema,
    layers: z.array(textLayerSchema).min(1).max(20),
    music: musicSchema.optional(),
  })
  .superRefine((template, ctx) => {
    const seen = new Set<string>();
    template.layers.forEach((layer, index) => {
      if (seen.has(layer.id))
        ctx.addIssue({
          code: 'custom',
          path: ['layers', index, 'id'],
          message: `duplicate layer id "${layer.id}"`,
        });
      seen.add(layer.id);
      if (layer.end > template.durationSeconds)
        ctx.addIssue({
          code: 'custom',
          path: ['layers', index, 'end'],
          message: `ends at ${layer.end} s, after the video (${template.durationSeconds} s)`,
        });
      if (typeof layer.text !== 'string' && !(template.defaultLanguage in layer.text))
        ctx.addIssue({
          code: 'custom',
          path: ['layers', index, 'text'],
          message: `has no "${template.defaultLanguage}" text (the default language)`,
        });
    });
    if (template.thumbnailAt !== undefined && template.thumbnailAt >= template.durationSeconds)
      ctx.addIssue({ code: 'custom', path: ['thumbnailAt'], message: 'must be inside the video' });
  });

export type VideoTemplate = z.output<typeof videoTemplateSchema>;
export type TextLayer = VideoTemplate['layers'][number];
export type Colour = z.output<typeof colour>;

/** Render data: placeholder values such as name, sku, eta, points. Bounded so a frame stays legible. */
export const renderDataSchema = z
  .record(z.string(), z.string().max(200, 'at most 200 characters'))
  .superRefine((data, ctx) => {
    for (const key of Object.keys(data))
      if (!/^[A-Za-z_]\w*$/.test(key))
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'a placeholder name like name or order_id',
        });
  });

/** A brand colour name or `#RRGGBB` → `#RRGGBB`. */
export function resolveColour(template: VideoTemplate, value: Colour): string {
  const key = brandKeys.find((name) => name === value);
  return key ? template.brand[key] : value;
}
