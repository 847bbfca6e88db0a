// The parts of pdfkit and fontkit (neither ships types) that the fixture writer uses.

declare module 'fontkit' {
  export interface Glyph {
    id: number;
    advanceWidth: number;
  }
  export interface Font {
    postscriptName: string;
    unitsPerEm: number;
    glyphForCodePoint(cp: number): Glyph;
    hasGlyphForCodePoint(cp: number): boolean;
  }
  export interface FontCollection {
    fonts: Font[];
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font | FontCollection;
}

declare module 'pdfkit' {
  interface EmbeddedFont {
    id: string;
    encode(text: string): [string[], unknown[]];
    ref(): unknown;
  }
  interface PDFDocumentOptions {
    size?: [number, number];
    margin?: number;
    compress?: boolean;
    info?: Record<string, string | Date>;
    lang?: string;
  }
  class PDFDocument {
    constructor(options?: PDFDocumentOptions);
    registerFont(name: string, src: Uint8Array | string): this;
    font(name: string): this;
    /** pdfkit's current font object (internal; the writer needs its glyph encoder). */
    _font: EmbeddedFont;
    page: { fonts: Record<string, unknown>; height: number };
    addContent(data: string): this;
    save(): this;
    restore(): this;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    rect(x: number, y: number, w: number, h: number): this;
    circle(x: number, y: number, r: number): this;
    polygon(...points: [number, number][]): this;
    lineWidth(w: number): this;
    stroke(color?: string): this;
    fill(color?: string): this;
    on(event: 'data', fn: (chunk: Uint8Array) => void): this;
    on(event: 'end', fn: () => void): this;
    end(): void;
  }
  export default PDFDocument;
}
