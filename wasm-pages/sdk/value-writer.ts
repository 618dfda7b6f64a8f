// Encodes values (ABI.md section 4) for outgoing messages, either field by field or from a Value.
import { ByteBuffer } from "./bytes";
import {
  VALUE_TAG_ARRAY, VALUE_TAG_FALSE, VALUE_TAG_NULL, VALUE_TAG_NUMBER, VALUE_TAG_OBJECT, VALUE_TAG_STRING, VALUE_TAG_TRUE,
} from "./generated/value-format";
import { Value, ValueKind } from "./value";

export class ValueWriter {
  buffer: ByteBuffer = new ByteBuffer(256);

  reset(): ValueWriter {
    this.buffer.reset();
    return this;
  }

  nil(): ValueWriter {
    this.buffer.u8(VALUE_TAG_NULL);
    return this;
  }

  bool(value: bool): ValueWriter {
    this.buffer.u8(value ? VALUE_TAG_TRUE : VALUE_TAG_FALSE);
    return this;
  }

  number(value: f64): ValueWriter {
    this.buffer.u8(VALUE_TAG_NUMBER);
    this.buffer.f64(value);
    return this;
  }

  string(value: string): ValueWriter {
    this.buffer.u8(VALUE_TAG_STRING);
    this.buffer.utf8(value);
    return this;
  }

  /** An array header: follow it with `count` values. */
  array(count: i32): ValueWriter {
    this.buffer.u8(VALUE_TAG_ARRAY);
    this.buffer.u32(<u32>count);
    return this;
  }

  /** An object header: follow it with `count` × (`key`, value). */
  object(count: i32): ValueWriter {
    this.buffer.u8(VALUE_TAG_OBJECT);
    this.buffer.u32(<u32>count);
    return this;
  }

  key(name: string): ValueWriter {
    this.buffer.utf8(name);
    return this;
  }

  /** Writes a whole Value tree. */
  value(v: Value): ValueWriter {
    switch (v.kind) {
      case ValueKind.Null: return this.nil();
      case ValueKind.Bool: return this.bool(v.asBool());
      case ValueKind.Number: return this.number(v.asNumber());
      case ValueKind.String: return this.string(v.asString());
      case ValueKind.Array: {
        this.array(v.length);
        for (let i = 0; i < v.length; i++) this.value(v.at(i));
        return this;
      }
    }
    this.object(v.length);
    for (let i = 0; i < v.length; i++) this.key(v.keyAt(i)).value(v.at(i));
    return this;
  }
}
