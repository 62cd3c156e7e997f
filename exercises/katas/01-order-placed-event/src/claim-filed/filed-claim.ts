/** An insurance claim as the claims intake service holds it when the claimant files it. */
export interface FiledClaim {
  claimId: string;
  policyId: string;
  claimant: Claimant;
  /** The claimant's own account of the incident, free text as typed. */
  incidentDescription: string;
  /** The damaged or lost items claimed; an item set to quantity 0 was withdrawn. */
  items: ClaimedItem[];
  /** ISO 4217 code; every amount of the claim is in this currency's minor unit. */
  currency: string;
  filedAt: Date;
}

export interface Claimant {
  customerId: string;
  fullName: string;
  email: string;
  address: string;
  cardNumber: string;
}

export interface ClaimedItem {
  itemCode: string;
  quantity: number;
  /** Claimed value of one unit in the currency's minor unit. */
  unitPriceCents: number;
}
