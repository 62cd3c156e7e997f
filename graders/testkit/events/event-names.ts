import envelopeSchema from '../../schemas/event-envelope.schema.json' with { type: 'json' };

/** One thing wrong with an event, with the rule it breaks and what to do instead. */
export interface Finding {
  event: string;
  rule: string;
  problem: string;
  fix: string;
}

/** The envelope's own rule for `type`, so the check and the schema never disagree. */
const pastTense = new RegExp(envelopeSchema.properties.type.pattern);

/** Verbs that open an imperative name, with the participle that turns it into a fact. */
const participles: Record<string, string> = {
  Send: 'Sent', Place: 'Placed', Create: 'Created', Update: 'Updated', Delete: 'Deleted', Cancel: 'Cancelled',
  Register: 'Registered', Charge: 'Charged', Ship: 'Shipped', Reserve: 'Reserved', Refund: 'Refunded', Notify: 'Notified',
  Process: 'Processed', Approve: 'Approved', Reject: 'Rejected', Submit: 'Submitted', Add: 'Added', Remove: 'Removed',
  Book: 'Booked', Pay: 'Paid', Capture: 'Captured', Issue: 'Issued', Open: 'Opened', Close: 'Closed', Start: 'Started',
  Complete: 'Completed', Assign: 'Assigned', Publish: 'Published', Schedule: 'Scheduled', Request: 'Requested', Sign: 'Signed',
};

const words = (name: string) => name.match(/[A-Z][a-z0-9]*/g) ?? [];
const pascal = (name: string) => name.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');

/** A fact-shaped name to consider for an imperative or -ing name, when one can be guessed. */
export function factNameFor(name: string): string | undefined {
  const parts = words(name);
  const verb = parts[0];
  if (verb && participles[verb] && parts.length > 1) return [...parts.slice(1), participles[verb]].join('');
  const last = parts.at(-1);
  if (last?.endsWith('ing')) {
    const stem = last.slice(0, -3);
    const participle = Object.values(participles).find((p) => p.startsWith(stem) || p.startsWith(`${stem}e`.slice(0, stem.length + 1)));
    if (participle) return [...parts.slice(0, -1), participle].join('');
  }
  return undefined;
}

/** Whether an event name states a fact: PascalCase, past tense, and specific. */
export function nameFindings(name: string): Finding[] {
  if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) {
    return [{ event: name, rule: 'name/pascal-case', problem: `"${name}" is not PascalCase`, fix: `write it as ${pascal(name) || 'a PascalCase name'}, in the past tense` }];
  }
  const vague = /(Updated|Changed|Modified)$/.exec(name);
  if (vague) {
    const subject = name.slice(0, -vague[1]!.length) || 'Entity';
    return [{
      event: name,
      rule: 'name/specific-fact',
      problem: `"${name}" is a bag of changes: consumers must diff payloads to learn what happened`,
      fix: `name each fact that can happen, e.g. ${subject}AddressCorrected or ${subject}Cancelled`,
    }];
  }
  if (!pastTense.test(name)) {
    const better = factNameFor(name);
    return [{
      event: name,
      rule: 'name/past-tense',
      problem: `"${name}" is not a fact in the past tense (a command or an ongoing action reads as something to do)`,
      fix: better ? `consider ${better}; if it asks one service to act, send it as a command instead` : 'name what happened: a subject then a past participle, e.g. OrderPlaced',
    }];
  }
  return [];
}

/** The subject words of a fact name: OrderAddressCorrected → Order, OrderAddress. */
export function subjectPrefixes(name: string): string[] {
  const parts = words(name);
  const subject = parts.slice(0, Math.max(1, parts.length - 1));
  // A trailing particle (UserSignedUp) belongs to the verb, not the subject.
  if (parts.length > 2 && /^(Up|Out|In|Off|On|Over|Back|Down|Away)$/.test(parts.at(-1)!)) subject.pop();
  return subject.map((_, i) => subject.slice(0, i + 1).join(''));
}
