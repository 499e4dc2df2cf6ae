/**
 * Each feature folder keeps its texts in an i18n.ts beside its screens: one Bulgarian and one English tree
 * under the feature's own top-level keys (catalog.*, stock.*). resources.ts merges them into the one
 * translation namespace, so a key reads the same wherever it is used: t('catalog.brands.title').
 */

/** A tree of texts. */
export interface MessageTree {
  [key: string]: string | MessageTree;
}

/** The same keys with any text: the shape the English tree must have, given the Bulgarian one. */
export type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

/** One feature's texts in both languages; the English tree is typed by the Bulgarian keys, so a missing key does not compile. */
export interface FeatureMessages<T> {
  bg: T;
  en: DeepStrings<T>;
}

export function defineMessages<T extends MessageTree>(bg: T, en: DeepStrings<T>): FeatureMessages<T> {
  return { bg, en };
}

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never;

/**
 * The features' trees as one (deep: two features may add to the same branch). A key two features define
 * keeps the last text; i18n.test.ts fails when such texts differ, so in practice a key has one text.
 */
export function mergeMessages<T extends readonly MessageTree[]>(...trees: T): UnionToIntersection<T[number]> {
  const merge = (into: MessageTree, from: MessageTree) => {
    for (const [key, value] of Object.entries(from)) {
      const existing = into[key];
      if (typeof value === 'string' || typeof existing !== 'object') into[key] = structuredCopy(value);
      else merge(existing, value);
    }
    return into;
  };
  return trees.reduce<MessageTree>((acc, tree) => merge(acc, tree), {}) as UnionToIntersection<T[number]>;
}

function structuredCopy(value: string | MessageTree): string | MessageTree {
  if (typeof value === 'string') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, structuredCopy(v)]));
}
