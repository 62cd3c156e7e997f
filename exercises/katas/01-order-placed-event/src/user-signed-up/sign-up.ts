/** A completed sign-up as the accounts service holds it, with the paid plan chosen. */
export interface SignUp {
  userId: string;
  user: NewUser;
  /** Hashed with a per-user salt; still a secret. */
  passwordHash: string;
  plan: ChosenPlan;
  /** ISO 4217 code; every amount of the plan is in this currency's minor unit. */
  currency: string;
  signedUpAt: Date;
}

export interface NewUser {
  fullName: string;
  email: string;
  address: string;
  cardNumber: string;
}

export interface ChosenPlan {
  planId: string;
  /** Seats and add-ons of the first billing period; an add-on at quantity 0 was declined. */
  lines: PlanLine[];
}

export interface PlanLine {
  item: string;
  quantity: number;
  /** Price of one unit for the first period, in the currency's minor unit. */
  unitPriceCents: number;
}
