// A small tree of JSON-like values (ABI.md section 4): what the page reads from the mount input,
// events and data answers, and what it builds for outgoing messages (navigation params).

export enum ValueKind {
  Null = 0,
  Bool = 1,
  Number = 2,
  String = 3,
  Array = 4,
  Object = 5,
}

/**
 * One value: null, bool, number, string, array or object. Readers never fail: a missing key or
 * index gives the null value and `asString()` of a non-string gives the fallback, so lookups chain:
 * `body.get("profiles").at(0).get("name").asString()`.
 */
export class Value {
  kind: ValueKind = ValueKind.Null;
  private flag: bool = false;
  private num: f64 = 0;
  private str: string = "";
  /** Array items, or object field values (in key order as received or set). */
  private items: Value[] | null = null;
  /** Object keys, parallel to `items`. */
  private keys: string[] | null = null;

  /** The shared null value that missing lookups return. Never modify it. */
  static readonly NULL: Value = new Value();

  static ofBool(value: bool): Value {
    const v = new Value();
    v.kind = ValueKind.Bool;
    v.flag = value;
    return v;
  }

  static ofNumber(value: f64): Value {
    const v = new Value();
    v.kind = ValueKind.Number;
    v.num = value;
    return v;
  }

  static ofString(value: string): Value {
    const v = new Value();
    v.kind = ValueKind.String;
    v.str = value;
    return v;
  }

  /** An empty array; add items with `push`. */
  static newArray(): Value {
    const v = new Value();
    v.kind = ValueKind.Array;
    v.items = [];
    return v;
  }

  /** An empty object; add fields with `set`, `setString`, `setNumber`, `setBool`. */
  static newObject(): Value {
    const v = new Value();
    v.kind = ValueKind.Object;
    v.items = [];
    v.keys = [];
    return v;
  }

  isNull(): bool { return this.kind == ValueKind.Null; }
  isBool(): bool { return this.kind == ValueKind.Bool; }
  isNumber(): bool { return this.kind == ValueKind.Number; }
  isString(): bool { return this.kind == ValueKind.String; }
  isArray(): bool { return this.kind == ValueKind.Array; }
  isObject(): bool { return this.kind == ValueKind.Object; }

  asBool(fallback: bool = false): bool {
    return this.kind == ValueKind.Bool ? this.flag : fallback;
  }

  asNumber(fallback: f64 = NaN): f64 {
    return this.kind == ValueKind.Number ? this.num : fallback;
  }

  /** The number as an i32 (truncated), or `fallback` if this is not a finite number in range. */
  asInt(fallback: i32 = 0): i32 {
    if (this.kind != ValueKind.Number) return fallback;
    const n = this.num;
    if (!(n >= -2147483648.0 && n <= 2147483647.0)) return fallback;
    return <i32>n;
  }

  asString(fallback: string = ""): string {
    return this.kind == ValueKind.String ? this.str : fallback;
  }

  /** Items of an array, fields of an object, 0 for anything else. */
  get length(): i32 {
    const items = this.items;
    return items === null ? 0 : items.length;
  }

  /** The array item (or object field value) at `index`, or the null value. */
  at(index: i32): Value {
    const items = this.items;
    if (items === null || index < 0 || index >= items.length) return Value.NULL;
    return unchecked(items[index]);
  }

  /** The object key at `index` ("" if there is none). */
  keyAt(index: i32): string {
    const keys = this.keys;
    if (keys === null || index < 0 || index >= keys.length) return "";
    return unchecked(keys[index]);
  }

  has(key: string): bool {
    return this.indexOf(key) >= 0;
  }

  /** The field `key` of an object, or the null value. */
  get(key: string): Value {
    const index = this.indexOf(key);
    return index < 0 ? Value.NULL : unchecked((<Value[]>this.items)[index]);
  }

  /** Adds an item to an array; returns the array for chaining. */
  push(item: Value): Value {
    if (this.kind != ValueKind.Array) throw new Error("Value.push: the value is not an array");
    (<Value[]>this.items).push(item);
    return this;
  }

  /** Sets the field `key` of an object (replacing an existing one); returns the object for chaining. */
  set(key: string, value: Value): Value {
    if (this.kind != ValueKind.Object)
      throw new Error("Value.set: the value is not an object (make one with Value.newObject())");
    const index = this.indexOf(key);
    if (index >= 0) unchecked((<Value[]>this.items)[index] = value);
    else {
      (<string[]>this.keys).push(key);
      (<Value[]>this.items).push(value);
    }
    return this;
  }

  setString(key: string, value: string): Value { return this.set(key, Value.ofString(value)); }
  setNumber(key: string, value: f64): Value { return this.set(key, Value.ofNumber(value)); }
  setBool(key: string, value: bool): Value { return this.set(key, Value.ofBool(value)); }

  /** A JSON-like rendering for logs, e.g. `{"id":"t1","n":2}`. */
  toString(): string {
    switch (this.kind) {
      case ValueKind.Null: return "null";
      case ValueKind.Bool: return this.flag ? "true" : "false";
      case ValueKind.Number: return formatNumber(this.num);
      case ValueKind.String: return quote(this.str);
      case ValueKind.Array: {
        let out = "[";
        for (let i = 0; i < this.length; i++) out += (i > 0 ? "," : "") + this.at(i).toString();
        return out + "]";
      }
    }
    let out = "{";
    for (let i = 0; i < this.length; i++) out += (i > 0 ? "," : "") + quote(this.keyAt(i)) + ":" + this.at(i).toString();
    return out + "}";
  }

  private indexOf(key: string): i32 {
    const keys = this.keys;
    if (keys === null) return -1;
    for (let i = 0; i < keys.length; i++) if (unchecked(keys[i]) == key) return i;
    return -1;
  }
}

/** Whole numbers print without ".0" (AssemblyScript's f64.toString prints "5.0"). */
export function formatNumber(n: f64): string {
  if (n >= -9007199254740991.0 && n <= 9007199254740991.0 && Math.floor(n) == n) return (<i64>n).toString();
  return n.toString();
}

function quote(s: string): string {
  return "\"" + s.replaceAll("\\", "\\\\").replaceAll("\"", "\\\"") + "\"";
}

/** Route params with one field, e.g. `params1("id", "t0001")` for `navigate("details", ...)`. */
export function params1(key: string, value: string): Value {
  return Value.newObject().setString(key, value);
}

/** Route params with two fields. */
export function params2(key1: string, value1: string, key2: string, value2: string): Value {
  return Value.newObject().setString(key1, value1).setString(key2, value2);
}
