/** A row of the accounts service's users table, as its repository returns it. */
export interface UserRow {
  userId: string;
  email: string;
  fullName: string;
  phone: string;
  /** bcrypt, as the login code writes it: "$2b$12$" and 53 more characters. */
  passwordHash: string;
  plan: 'free' | 'pro' | 'team';
  createdAt: string;
}
