/** The part of @nlpjs/lang-en (untyped JavaScript) that the NLU uses: nlp.js's Porter-style stemmer. */
declare module '@nlpjs/lang-en' {
  /** Stems English words the way nlp.js's own classifier does. */
  export class StemmerEn {
    stemWord(word: string): string;
  }
}
