/**
 * @fileoverview Feature names as small integers (issue #10): the models look features up for
 * every line of every page, and an array index is much cheaper than hashing a name. Names stay
 * the currency of the committed weights (readable, stable across code changes); ids are this
 * process's own.
 */

/** A growing set of feature names, each with an id in order of first use. */
export class Vocabulary {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();

  /** The id of a name, added if new. */
  id(name: string): number {
    let i = this.ids.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.ids.set(name, i);
      this.names.push(name);
    }
    return i;
  }

  /** The id of a name if it has one. */
  lookup(name: string): number | undefined {
    return this.ids.get(name);
  }

  /** Ids for a family of `size` names (`len0` … `len12`), consecutive: the family's id is base + value. */
  family(size: number, name: (v: number) => string): number {
    const base = this.names.length;
    for (let v = 0; v < size; v++) {
      if (this.id(name(v)) !== base + v) throw new Error(`feature family ${name(0)}… overlaps names already defined`);
    }
    return base;
  }

  get size(): number {
    return this.names.length;
  }
}
