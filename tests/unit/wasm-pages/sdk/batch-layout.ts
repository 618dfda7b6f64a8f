/**
 * Reads a scene batch's bytes by hand, following bridge/scene-codec/format.ts, to check what the
 * decoder does not show: the header, the string table (each string once) and each value's tag
 * (i32 vs f64). Independent of decodeSceneBatch on purpose.
 */
export interface BatchLayout {
  readonly magic: number;
  readonly version: number;
  readonly flags: number;
  readonly strings: string[];
  readonly opCount: number;
  /** setProp ops: the node id, prop code and value tag (0 null, 1 false, 2 true, 3 i32, 4 f64, 5 string). */
  readonly setProps: { id: number; prop: number; tag: number }[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function readBatchLayout(bytes: Uint8Array): BatchLayout {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 16;
  const stringCount = view.getUint32(8, true);
  const opCount = view.getUint32(12, true);
  const strings: string[] = [];
  for (let i = 0; i < stringCount; i++) {
    const length = view.getUint32(at, true);
    strings.push(utf8.decode(bytes.subarray(at + 4, at + 4 + length)));
    at += 4 + length;
  }
  const setProps: { id: number; prop: number; tag: number }[] = [];
  const valueBytes = [0, 0, 0, 4, 8, 4];
  for (let i = 0; i < opCount; i++) {
    const opcode = view.getUint8(at);
    at += 1;
    if (opcode === 0x01) at += 5;
    else if (opcode === 0x02) {
      const id = view.getUint32(at, true);
      const prop = view.getUint8(at + 4);
      const tag = view.getUint8(at + 5);
      setProps.push({ id, prop, tag });
      at += 6 + (valueBytes[tag] ?? 0);
    } else if (opcode === 0x03) at += 8;
    else if (opcode === 0x04) at += 12;
    else if (opcode === 0x05) at += 4;
    else throw new Error(`unknown opcode ${opcode} at byte ${at - 1}`);
  }
  if (at !== bytes.length) throw new Error(`batch has ${bytes.length - at} bytes after its last op`);
  return {
    magic: view.getUint32(0, true),
    version: view.getUint16(4, true),
    flags: view.getUint16(6, true),
    strings,
    opCount,
    setProps,
  };
}
