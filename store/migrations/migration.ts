/** One schema change. Versions only ever grow; a shipped migration is never edited. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
