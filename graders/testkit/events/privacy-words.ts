/** Property names that hold a secret: never in an event, hashed or not. */
export const secretWords = /password|passwd|secret|token|api_?key|private_?key|cvv|cvc|^pin$|ssn|card_?number|iban/i;

/** Property names that hold personal data (a hash or a masked copy still is). Ids are references, not data. */
export const personalWords = /e-?mail|phone|mobile|^address|Address$|full_?name|first_?name|last_?name|surname|birth|^dob$|national_?id|passport|ip_?address/i;

export const isPersonal = (key: string) => personalWords.test(key) && !/Id$/.test(key);
