// The CJK typefaces of every document: Noto Serif SC (思源宋体, SIL OFL 1.1), brought by npm
// (@expo-google-fonts/noto-serif-sc). Parsed once per process — each render worker keeps its own —
// and handed to pdfkit as font objects, which embeds only the glyphs a document uses (a subset),
// with a ToUnicode map so the text copies out as Chinese (R-F2).
import { readFileSync } from 'node:fs';
import { create, type FontkitFont } from 'fontkit';

export interface Typefaces {
  /** Body text 正文 (宋体). */
  regular: FontkitFont;
  /** Titles and headings 标题 (in place of 小标宋). */
  bold: FontkitFont;
}

const fontFiles = {
  regular: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
};

let loaded: Typefaces | undefined;

export function typefaces(): Typefaces {
  loaded ??= {
    regular: create(readFileSync(require.resolve(fontFiles.regular))),
    bold: create(readFileSync(require.resolve(fontFiles.bold))),
  };
  return loaded;
}

/** Characters the typeface cannot draw (rare characters in a name, say), to fall back visibly. */
export function missingCharacters(text: string, font: FontkitFont = typefaces().regular): string[] {
  const missing = new Set<string>();
  for (const ch of text) if (!/\s/.test(ch) && !font.hasGlyphForCodePoint(ch.codePointAt(0)!)) missing.add(ch);
  return [...missing];
}
