import fc from 'fast-check';

/** The ISO 4217 codes the running JavaScript engine knows (ICU data, no extra dependency). */
export const iso4217Codes: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** Whether a value is an ISO 4217 alphabetic currency code such as `EUR`, `JPY` or `BHD`. */
export function isIso4217(code: unknown): boolean {
  return typeof code === 'string' && iso4217Codes.has(code);
}

/** Digits after the decimal point in the currency's minor unit: 2 for EUR, 0 for JPY, 3 for BHD. */
export function minorDigits(code: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * ISO 4217 currencies, biased towards the awkward ones: no minor unit (JPY, KRW) and three
 * minor digits (BHD, KWD, TND), next to the everyday two-digit ones.
 */
export function currencyCode(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom('JPY', 'KRW', 'BHD', 'KWD', 'TND'),
    fc.constantFrom('EUR', 'USD', 'BRL', 'GBP'),
    fc.constantFrom(...iso4217Codes),
  );
}

/** A priced line of an order, a claim or a plan, with amounts in the currency's minor unit. */
export interface PricedLine {
  quantity: number;
  unitPriceCents: number;
}

/**
 * Lists of priced lines whose total always stays a safe integer: up to 40 lines of up to
 * 1000 units each, or a single line priced near Number.MAX_SAFE_INTEGER; zero quantities
 * and free items included. At least one line has a quantity of one or more.
 */
export function pricedLines(): fc.Arbitrary<PricedLine[]> {
  const maxLines = 40;
  const maxQuantity = 1000;
  const ordinary = fc.record({
    quantity: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: maxQuantity })),
    unitPriceCents: fc.oneof(
      fc.constant(0),
      fc.integer({ min: 1, max: 100_000 }),
      fc.integer({ min: 0, max: Math.floor(Number.MAX_SAFE_INTEGER / (maxLines * maxQuantity)) }),
    ),
  });
  const whale = fc.record({
    quantity: fc.constant(1),
    unitPriceCents: fc.integer({ min: Number.MAX_SAFE_INTEGER - 1_000_000, max: Number.MAX_SAFE_INTEGER }),
  });
  return fc
    .oneof({ weight: 5, arbitrary: fc.array(ordinary, { minLength: 1, maxLength: maxLines }) }, { weight: 1, arbitrary: fc.tuple(whale) })
    .filter((lines) => lines.some((line) => line.quantity > 0));
}
