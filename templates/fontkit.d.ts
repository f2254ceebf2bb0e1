// fontkit ships no types; pdfkit accepts the font objects it creates as a font source.
declare module 'fontkit' {
  export interface FontkitFont {
    postscriptName: string;
    unitsPerEm: number;
    numGlyphs: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): FontkitFont;
}
