// word-extractor ships no types; only what lib/parse/doc.ts uses.
declare module "word-extractor" {
  interface ExtractedDocument {
    getBody(): string;
  }
  export default class WordExtractor {
    extract(source: string | Buffer): Promise<ExtractedDocument>;
  }
}
