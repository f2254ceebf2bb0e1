// The CJK typefaces of the statistics PDF: the documents' own (templates/typesetting/fonts.ts,
// Noto Serif SC, subset-embedded with a ToUnicode map so the text extracts as Chinese).
export { typefaces as reportTypefaces } from '../../../templates/typesetting/fonts';
