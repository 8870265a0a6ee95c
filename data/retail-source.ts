import { parse } from 'csv-parse/sync';
import { z } from 'zod';

/**
 * Codes that are real products: five digits and an optional variant letter or three ("85123A").
 * Everything else in the log is a service line: POST (postage), DOT (dotcom postage), M (manual),
 * C2 (carriage), D (discount), S (samples), BANK CHARGES, AMAZONFEE, DCGS..., gift vouchers.
 */
const PRODUCT_CODE = /^\d{5}[A-Z]{0,3}$/;

/** Real invoices have six digits; a leading C marks a cancellation, which the demo leaves out. */
const INVOICE_NUMBER = /^\d{6}$/;

/** One row of the UCI Online Retail CSV, as the file writes it. */
const retailRowSchema = z.object({
  InvoiceNo: z.string().trim(),
  StockCode: z.string().trim().toUpperCase(),
  Description: z.string().trim(),
  Quantity: z.coerce.number().int(),
  InvoiceDate: z.string().regex(/^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}$/),
  UnitPrice: z.coerce.number().finite(),
  // Some exports write customer ids as floats ("17850.0").
  CustomerID: z.string().trim().transform((id) => id.replace(/\.0+$/, '')),
  Country: z.string().trim().min(1),
});

/** A sale line the demo shop keeps: a real product, bought by a known customer. */
export interface RetailLine {
  invoiceNo: string;
  stockCode: string;
  description: string;
  quantity: number;
  /** Sterling, in pence. */
  unitPricePence: number;
  /** ISO 8601 (the shop is in the UK, and December is GMT, so local time is UTC). */
  invoiceDate: string;
  customerId: string;
  country: string;
}

/** Why rows were left out, for the build report. */
export interface RetailSkips {
  malformed: number;
  cancellations: number;
  serviceLines: number;
  nonPositive: number;
  noCustomer: number;
}

/** "01/12/2010 08:26" (day first) → "2010-12-01T08:26:00.000Z". */
export function retailDate(text: string): string {
  const [date = '', time = ''] = text.split(' ');
  const [day, month, year] = date.split('/').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day, hour, minute)).toISOString();
}

type RowVerdict = keyof RetailSkips | 'keep';

function verdict(row: z.infer<typeof retailRowSchema>, pence: number): RowVerdict {
  if (!INVOICE_NUMBER.test(row.InvoiceNo)) return 'cancellations';
  if (!PRODUCT_CODE.test(row.StockCode) || row.Description === '') return 'serviceLines';
  if (row.Quantity <= 0 || pence <= 0) return 'nonPositive';
  if (!/^\d+$/.test(row.CustomerID)) return 'noCustomer';
  return 'keep';
}

/**
 * The product sale lines of a UCI Online Retail CSV (Latin-1 text, as UCI ships it), with counts
 * of what was left out and why.
 */
export function readRetailLines(csvText: string): { lines: RetailLine[]; skipped: RetailSkips } {
  const records = parse(csvText, { columns: true, skip_empty_lines: true, relax_column_count: true, relax_quotes: true }) as unknown[];
  const skipped: RetailSkips = { malformed: 0, cancellations: 0, serviceLines: 0, nonPositive: 0, noCustomer: 0 };
  const lines: RetailLine[] = [];
  for (const record of records) {
    const parsed = retailRowSchema.safeParse(record);
    if (!parsed.success) {
      skipped.malformed++;
      continue;
    }
    const row = parsed.data;
    const pence = Math.round(row.UnitPrice * 100);
    const outcome = verdict(row, pence);
    if (outcome !== 'keep') {
      skipped[outcome]++;
      continue;
    }
    lines.push({
      invoiceNo: row.InvoiceNo,
      stockCode: row.StockCode,
      description: row.Description,
      quantity: row.Quantity,
      unitPricePence: pence,
      invoiceDate: retailDate(row.InvoiceDate),
      customerId: row.CustomerID,
      country: row.Country,
    });
  }
  return { lines, skipped };
}
