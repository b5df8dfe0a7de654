/**
 * A message shown on its own, as a sentence: its first letter a capital. The model's and the
 * server's French messages start in lower case because they also go inside other sentences
 * (« Impossible : le nom est obligatoire »). Pure.
 */
export const sentence = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
