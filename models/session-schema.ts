import { z } from 'zod';

/**
 * Month tokens as the UCI Online Shoppers data writes them ("June" in full, the others
 * abbreviated); "Jun" is accepted as an alias. Encoded as their calendar index.
 */
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'June', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
/** A month token of {@link MONTHS}. */
export type Month = (typeof MONTHS)[number];

/** Visitor types of the data set, encoded as their index here. */
export const VISITOR_TYPES = ['New_Visitor', 'Other', 'Returning_Visitor'] as const;
/** One of {@link VISITOR_TYPES}. */
export type VisitorType = (typeof VISITOR_TYPES)[number];

/**
 * The 17 feature columns of the UCI Online Shoppers Purchasing Intention data, in model order.
 * Durations are seconds; rates are fractions in [0, 1]; PageValues is money per page view.
 */
export const FEATURE_COLUMNS = [
  'Administrative',
  'Administrative_Duration',
  'Informational',
  'Informational_Duration',
  'ProductRelated',
  'ProductRelated_Duration',
  'BounceRates',
  'ExitRates',
  'PageValues',
  'SpecialDay',
  'Month',
  'OperatingSystems',
  'Browser',
  'Region',
  'TrafficType',
  'VisitorType',
  'Weekend',
] as const;
/** The label column of the data set. */
export const LABEL_COLUMN = 'Revenue';

/** One browsing session, with the meaning and names of the data set's columns. */
export interface SessionFeatures {
  Administrative: number;
  Administrative_Duration: number;
  Informational: number;
  Informational_Duration: number;
  ProductRelated: number;
  ProductRelated_Duration: number;
  BounceRates: number;
  ExitRates: number;
  PageValues: number;
  /** Closeness to a special day (Valentine's, Mother's Day...), 0 to 1 in steps of 0.2. */
  SpecialDay: number;
  Month: Month;
  /** Anonymised codes in the data set: integers from 1. */
  OperatingSystems: number;
  Browser: number;
  Region: number;
  TrafficType: number;
  VisitorType: VisitorType;
  Weekend: boolean;
}

const count = z.coerce.number().int().min(0);
const seconds = z.coerce.number().min(0);
const rate = z.coerce.number().min(0).max(1);
const code = z.coerce.number().int().min(0);
const bool = z.enum(['TRUE', 'FALSE', 'true', 'false', 'True', 'False', '1', '0']).transform((v) => ['TRUE', 'true', 'True', '1'].includes(v));
const month = z
  .enum([...MONTHS, 'Jun'], { error: (issue) => `unknown value ${JSON.stringify(issue.input)} (expected one of ${MONTHS.join(', ')})` })
  .transform((m): Month => (m === 'Jun' ? 'June' : m));
const visitorType = z.enum(VISITOR_TYPES, {
  error: (issue) => `unknown value ${JSON.stringify(issue.input)} (expected one of ${VISITOR_TYPES.join(', ')})`,
});

/** zod schema of one CSV row's feature columns (strings in, typed values out). */
export const SESSION_ROW_SCHEMA = z.object({
  Administrative: count,
  Administrative_Duration: seconds,
  Informational: count,
  Informational_Duration: seconds,
  ProductRelated: count,
  ProductRelated_Duration: seconds,
  BounceRates: rate,
  ExitRates: rate,
  PageValues: z.coerce.number().min(0),
  SpecialDay: rate,
  Month: month,
  OperatingSystems: code,
  Browser: code,
  Region: code,
  TrafficType: code,
  VisitorType: visitorType,
  Weekend: bool,
});

/** zod schema of the label column. */
export const LABEL_SCHEMA = bool;

/** The numeric vector the forest reads: columns in {@link FEATURE_COLUMNS} order. */
export function encodeSession(session: SessionFeatures): number[] {
  return FEATURE_COLUMNS.map((column) => {
    switch (column) {
      case 'Month':
        return MONTHS.indexOf(session.Month);
      case 'VisitorType':
        return VISITOR_TYPES.indexOf(session.VisitorType);
      case 'Weekend':
        return session.Weekend ? 1 : 0;
      default:
        return session[column];
    }
  });
}
